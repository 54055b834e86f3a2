export default definePageConfig({
  navigationBarTitleText: '成员绑定',
});
