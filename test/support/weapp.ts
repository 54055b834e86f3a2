/**
 * Loads pages of the compiled weapp build (mini/dist) in jsdom with miniprogram-simulate and WeChat's
 * own template compiler (miniprogram-compiler's wcc): the real wxml, the real Taro runtime, a stubbed
 * `wx`. Shared by the test/weapp page tests; needs `npm run build:weapp -w mini` first.
 */
import path from 'node:path';

const DIST = path.resolve(__dirname, '../../mini/dist');

export interface Sent {
  url: string;
  method: string;
  data: any;
  header: Record<string, string>;
}
export type Reply = { statusCode: number; data: unknown };

export const storage: Record<string, unknown> = {};
export const sent: Sent[] = [];
export const calls: [string, unknown][] = [];
/** What the stubbed wx.request answers; tests assign `stub.replies`. */
export const stub: { replies: (req: Sent) => Reply } = {
  replies: () => ({ statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '不存在' } } }),
};
let pageQuery: Record<string, string> = {};
let simulate: any;

/** Installs jsdom, the stubbed `wx` (plus `extraWx`, e.g. chooseImage/uploadFile) and the built app. */
export function installWeapp(extraWx: Record<string, unknown> = {}) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { JSDOM } = require('jsdom');
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  // Node has its own Event/CustomEvent; j-component needs jsdom's.
  for (const key of ['window', 'document', 'navigator', 'Event', 'CustomEvent', 'Element', 'Node', 'HTMLElement', 'getComputedStyle']) {
    Object.defineProperty(globalThis, key, { value: key === 'window' ? dom.window : dom.window[key], configurable: true, writable: true });
  }
  const record =
    (name: string) =>
    (o: any = {}) => {
      calls.push([name, o.url ?? o.title]);
      o.success?.({});
      o.complete?.({});
      return Promise.resolve({});
    };
  (globalThis as any).wx = {
    getSystemInfoSync: () => ({ platform: 'devtools', windowWidth: 375, windowHeight: 667, pixelRatio: 2, SDKVersion: '3.0.0' }),
    getStorageSync: (k: string) => storage[k] ?? '',
    setStorageSync: (k: string, v: unknown) => {
      storage[k] = v;
    },
    removeStorageSync: (k: string) => {
      delete storage[k];
    },
    request: (o: any) => {
      const req: Sent = { url: o.url, method: o.method ?? 'GET', data: o.data, header: o.header ?? {} };
      sent.push(req);
      setTimeout(() => {
        o.success?.(stub.replies(req));
        o.complete?.({});
      });
      return { abort() {} };
    },
    login: (o: any) => {
      setTimeout(() => {
        o.success?.({ code: 'wx-code-1', errMsg: 'login:ok' });
        o.complete?.({});
      });
    },
    showLoading: record('showLoading'),
    hideLoading: record('hideLoading'),
    showToast: record('showToast'),
    setNavigationBarTitle: record('setNavigationBarTitle'),
    navigateTo: record('navigateTo'),
    redirectTo: record('redirectTo'),
    navigateBack: record('navigateBack'),
    getLaunchOptionsSync: () => ({ path: 'pages/scan/index', query: {} }),
    nextTick: (fn: () => void) => setTimeout(fn),
    canIUse: () => true,
    ...extraWx,
  };
  let app: any;
  (globalThis as any).App = (options: any) => {
    app = options;
  };
  (globalThis as any).getApp = () => app;
  (globalThis as any).getCurrentPages = () => [];
  // miniprogram-simulate knows Component(); a Taro page is Page(): run it as a component whose
  // attach/ready stand in for the page's onLoad/onShow/onReady.
  (globalThis as any).Page = (options: any) => {
    const methods: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value;
    (globalThis as any).Component({
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached(this: any) {
          this.onLoad?.({ ...pageQuery });
        },
        ready(this: any) {
          this.onShow?.();
          this.onReady?.();
        },
      },
    });
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  simulate = require('miniprogram-simulate');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(DIST, 'app.js'));
  app.onLaunch?.call(app, { path: 'pages/scan/index', query: {} });
  app.onShow?.call(app, { path: 'pages/scan/index', query: {} });
}

/** Clears what the previous test sent, called and stored. */
export function resetWeapp() {
  sent.length = 0;
  calls.length = 0;
  for (const k of Object.keys(storage)) delete storage[k];
}

// A page's js runs once per jest module registry, so register each page once and render it anew.
const loaded: Record<string, string> = {};

export function openPage(route: string, query: Record<string, string> = {}) {
  pageQuery = query;
  loaded[route] ??= simulate.load(path.join(DIST, route), route.replace(/\W+/g, '-'), { rootPath: DIST });
  const page = simulate.render(loaded[route]);
  page.attach(document.createElement('parent-wrapper'));
  return page;
}

export async function until<T>(probe: () => T | undefined | false, what: string, ms = 3000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// The build's API_BASE may be overridden (MINI_API_BASE); compare what follows it.
export const apiPath = (req: Sent): string => req.url.replace(/^.*?\/api(?=\/)/, '');

export const text = (page: any): string => page.dom.textContent;

export function tapText(page: any, selector: string, label: string) {
  const target = page.querySelectorAll(selector).find((c: any) => c.dom.textContent.trim() === label);
  if (!target) throw new Error(`no ${selector} reading ${label}`);
  target.dispatchEvent('tap');
}

export const sleep = (ms: number): Promise<void> => simulate.sleep(ms);
