export default definePageConfig({ navigationBarTitleText: '物业费收缴与催缴', enablePullDownRefresh: true });
