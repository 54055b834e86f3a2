export default definePageConfig({ navigationBarTitleText: '小区管理与改造' });
