export default definePageConfig({
  navigationBarTitleText: '包头智慧物业',
});
