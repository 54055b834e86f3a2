export default defineAppConfig({
  // The first page is the entry: a compound's QR code opens it with scene=<compound code>.
  pages: ['pages/scan/index', 'pages/home/index', 'pages/me/index'],
  // One subpackage per capability (STYLE.md): packages/<capability>/<page>/index.
  subPackages: [
    { root: 'packages/places', pages: ['bind/index', 'members/index', 'member-bind/index'] },
    { root: 'packages/disclosures', pages: ['list/index', 'detail/index'] },
    { root: 'packages/votes', pages: ['list/index', 'detail/index', 'verify/index'] },
    { root: 'packages/committees', pages: ['index/index', 'statement/index', 'notice/index', 'vote-new/index', 'ballot/index', 'defaulters/index'] },
    { root: 'packages/fund', pages: ['index/index', 'ledger/index', 'deposit/index'] },
    { root: 'packages/fees', pages: ['index/index', 'pay/index', 'receipt/index'] },
    { root: 'packages/tickets', pages: ['new/index', 'list/index', 'detail/index', 'board/index'] },
    { root: 'packages/workorders', pages: ['login/index', 'list/index', 'detail/index'] },
    { root: 'packages/renewal', pages: ['login/index', 'surveys/index', 'survey/index', 'compound/index'] },
    { root: 'packages/supervision', pages: ['survey/index', 'inspect/login/index', 'inspect/list/index', 'inspect/new/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '包头智慧物业',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f6f8',
    // H5 draws WeChat's title bar too (title, back, home): without it a deep page had no way back (issue 16 §4).
    navigationStyle: 'default',
  },
});
