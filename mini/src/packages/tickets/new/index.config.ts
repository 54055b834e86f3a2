export default definePageConfig({ navigationBarTitleText: '报修 · 投诉 · 纠纷' });
