export default definePageConfig({ navigationBarTitleText: '核验选票回执' });
