export default definePageConfig({ navigationBarTitleText: '摸底调查' });
