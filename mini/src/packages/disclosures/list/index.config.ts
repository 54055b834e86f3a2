export default definePageConfig({ navigationBarTitleText: '小区公开', enablePullDownRefresh: true });
