import type { PropsWithChildren } from 'react';

import './app.scss';

function App({ children }: PropsWithChildren) {
  // Pages are rendered as children; app-wide state lives in storage (see services/).
  return children;
}

export default App;
