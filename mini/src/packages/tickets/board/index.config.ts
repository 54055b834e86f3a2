export default definePageConfig({ navigationBarTitleText: '受理公示', enablePullDownRefresh: true });
