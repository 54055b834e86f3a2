export default definePageConfig({ navigationBarTitleText: '业主表决', enablePullDownRefresh: true });
