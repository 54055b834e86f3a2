export default definePageConfig({ navigationBarTitleText: '分户账', enablePullDownRefresh: true });
