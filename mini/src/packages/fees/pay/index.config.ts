export default definePageConfig({ navigationBarTitleText: '微信支付（开发替身）' });
