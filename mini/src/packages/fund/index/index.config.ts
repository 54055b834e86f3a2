export default definePageConfig({ navigationBarTitleText: '我的维修资金', enablePullDownRefresh: true });
