export default definePageConfig({
  navigationBarTitleText: '家庭成员与租户',
});
