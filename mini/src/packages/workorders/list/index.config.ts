export default definePageConfig({ navigationBarTitleText: '报修工单', enablePullDownRefresh: true });
