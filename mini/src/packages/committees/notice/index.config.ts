export default definePageConfig({ navigationBarTitleText: '发布决定或纪要' });
