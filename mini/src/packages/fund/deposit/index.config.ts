export default definePageConfig({ navigationBarTitleText: '线上交存维修资金' });
