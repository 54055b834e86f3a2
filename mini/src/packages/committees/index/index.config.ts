export default definePageConfig({ navigationBarTitleText: '业委会工作台', enablePullDownRefresh: true });
