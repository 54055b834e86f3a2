export default defineAppConfig({
  // The first page is the entry: a compound's QR code opens it with scene=<compound code>.
  pages: ['pages/scan/index', 'pages/home/index', 'pages/me/index'],
  // One subpackage per capability (STYLE.md): packages/<capability>/<page>/index.
  subPackages: [
    { root: 'packages/places', pages: ['bind/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '包头智慧物业',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f6f8',
  },
})
