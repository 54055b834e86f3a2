export default definePageConfig({ navigationBarTitleText: '发布收支公开' });
