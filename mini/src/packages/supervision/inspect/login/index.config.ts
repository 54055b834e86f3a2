export default definePageConfig({ navigationBarTitleText: '检查巡查登录' });
