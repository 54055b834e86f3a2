export default definePageConfig({ navigationBarTitleText: '录入纸质或入户选票' });
