/**
 * The committee subpackage's paper / door-to-door ballot page in the compiled weapp build (mini/dist),
 * in jsdom with miniprogram-simulate: the real wxml and Taro runtime, a stubbed `wx` (the same harness
 * as weapp-pages.test.ts, plus wx.chooseImage and wx.uploadFile). Needs `npm run build:weapp -w mini` first.
 */
import path from 'node:path'

const DIST = path.resolve(__dirname, '../../mini/dist')

interface Sent { url: string; method: string; data: any; header: Record<string, string> }
type Reply = { statusCode: number; data: unknown }

const storage: Record<string, unknown> = {}
const sent: Sent[] = []
const calls: [string, unknown][] = []
let replies: (req: Sent) => Reply = () => ({ statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '不存在' } } })
let pageQuery: Record<string, string> = {}

let simulate: any
const uploaded: { url: string; filePath: string; name: string; header: Record<string, string> }[] = []
let uploadReply: () => Reply = () => ({ statusCode: 201, data: JSON.stringify({ id: 88, mime: 'image/jpeg', size: 2048, sha256: 'ab', url: '/api/uploads/88' }) })

const compound = {
  id: 7, code: 'BT150203001', name: '阳光花园', address: '阿尔丁大街1号', type: 'commodity',
  managementMode: 'professional', districtName: '昆都仑区', streetName: '友谊街道', communityName: '阳光社区',
  companyName: '包头市安居物业服务有限公司', buildingCount: 2, householdCount: 8,
}

function installGlobals() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { JSDOM } = require('jsdom')
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true })
  // Node has its own Event/CustomEvent; j-component needs jsdom's.
  for (const key of ['window', 'document', 'navigator', 'Event', 'CustomEvent', 'Element', 'Node', 'HTMLElement', 'getComputedStyle']) {
    Object.defineProperty(globalThis, key, { value: key === 'window' ? dom.window : dom.window[key], configurable: true, writable: true })
  }
  const record = (name: string) => (o: any = {}) => {
    calls.push([name, o.url ?? o.title])
    o.success?.({})
    o.complete?.({})
    return Promise.resolve({})
  }
  ;(globalThis as any).wx = {
    getSystemInfoSync: () => ({ platform: 'devtools', windowWidth: 375, windowHeight: 667, pixelRatio: 2, SDKVersion: '3.0.0' }),
    getStorageSync: (k: string) => storage[k] ?? '',
    setStorageSync: (k: string, v: unknown) => { storage[k] = v },
    removeStorageSync: (k: string) => { delete storage[k] },
    request: (o: any) => {
      const req: Sent = { url: o.url, method: o.method ?? 'GET', data: o.data, header: o.header ?? {} }
      sent.push(req)
      setTimeout(() => {
        o.success?.(replies(req))
        o.complete?.({})
      })
      return { abort() {} }
    },
    login: (o: any) => { setTimeout(() => { o.success?.({ code: 'wx-code-1', errMsg: 'login:ok' }); o.complete?.({}) }) },
    showLoading: record('showLoading'),
    hideLoading: record('hideLoading'),
    showToast: record('showToast'),
    setNavigationBarTitle: record('setNavigationBarTitle'),
    navigateTo: record('navigateTo'),
    redirectTo: record('redirectTo'),
    navigateBack: record('navigateBack'),
    getLaunchOptionsSync: () => ({ path: 'pages/scan/index', query: {} }),
    nextTick: (fn: () => void) => setTimeout(fn),
    chooseImage: (o: any) => {
      calls.push(['chooseImage', o.count])
      setTimeout(() => { o.success?.({ tempFilePaths: ['wxfile://tmp/scan-1.jpg'], tempFiles: [{ path: 'wxfile://tmp/scan-1.jpg', size: 2048 }] }); o.complete?.({}) })
    },
    uploadFile: (o: any) => {
      uploaded.push({ url: o.url, filePath: o.filePath, name: o.name, header: o.header ?? {} })
      setTimeout(() => { o.success?.(uploadReply()); o.complete?.({}) })
      return { abort() {}, onProgressUpdate() {}, offProgressUpdate() {}, onHeadersReceived() {}, offHeadersReceived() {} }
    },
    canIUse: () => true,
  }
  let app: any
  ;(globalThis as any).App = (options: any) => { app = options }
  ;(globalThis as any).getApp = () => app
  ;(globalThis as any).getCurrentPages = () => []
  // miniprogram-simulate knows Component(); a Taro page is Page(): run it as a component whose
  // attach/ready stand in for the page's onLoad/onShow/onReady.
  ;(globalThis as any).Page = (options: any) => {
    const methods: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value
    ;(globalThis as any).Component({
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached(this: any) { this.onLoad?.({ ...pageQuery }) },
        ready(this: any) { this.onShow?.(); this.onReady?.() },
      },
    })
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  simulate = require('miniprogram-simulate')
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(DIST, 'app.js'))
  app.onLaunch?.call(app, { path: 'pages/scan/index', query: {} })
  app.onShow?.call(app, { path: 'pages/scan/index', query: {} })
}

// A page's js runs once per jest module registry, so register each page once and render it anew.
const loaded: Record<string, string> = {}

function openPage(route: string, query: Record<string, string> = {}) {
  pageQuery = query
  loaded[route] ??= simulate.load(path.join(DIST, route), route.replace(/\W+/g, '-'), { rootPath: DIST })
  const page = simulate.render(loaded[route])
  page.attach(document.createElement('parent-wrapper'))
  return page
}

async function until<T>(probe: () => T | undefined | false, what: string, ms = 3000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const value = probe()
    if (value) return value
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

// The build's API_BASE may be overridden (MINI_API_BASE); compare what follows it.
const apiPath = (req: Sent): string => req.url.replace(/^.*?\/api(?=\/)/, '')

const text = (page: any): string => page.dom.textContent

function tapText(page: any, selector: string, label: string) {
  const target = page.querySelectorAll(selector).find((c: any) => c.dom.textContent.trim() === label)
  if (!target) throw new Error(`no ${selector} reading ${label}`)
  target.dispatchEvent('tap')
}

beforeAll(() => {
  installGlobals()
})

beforeEach(() => {
  sent.length = 0
  calls.length = 0
  for (const k of Object.keys(storage)) delete storage[k]
})


const vote = {
  id: 3, compoundId: 7, compoundName: '阳光花园', committeeId: 1, title: '关于续聘物业服务企业的表决', description: null,
  matter: 'hire_dismiss_company', kind: 'vote', scopeType: 'units', scopeIds: [12], opensAt: null, closesAt: '2099-01-01T00:00:00Z',
  status: 'open', followMajority: false, eligibleCount: 8, ballotCount: 2, createdAt: '2025-01-01T00:00:00Z',
}

test('paper ballot page (committee subpackage): a home in scope, the choice, the scan through wx.uploadFile, then the receipt', async () => {
  storage.token = 'jwt-1'
  uploaded.length = 0
  replies = (req) => {
    if (req.header.Authorization !== 'Bearer jwt-1') return { statusCode: 401, data: null }
    if (req.url.endsWith('/votes/3') && req.method === 'GET') return { statusCode: 200, data: vote }
    if (req.url.endsWith('/mini/compounds/7/buildings')) {
      return { statusCode: 200, data: [{ id: 2, name: '2号楼', units: [{ id: 21, name: '1单元' }] }, { id: 1, name: '1号楼', units: [{ id: 11, name: '1单元' }, { id: 12, name: '2单元' }] }] }
    }
    if (req.url.endsWith('/mini/units/12/rooms')) return { statusCode: 200, data: [{ householdId: 31, room: '301' }, { householdId: 30, room: '201' }] }
    if (req.url.endsWith('/votes/3/ballots') && req.method === 'POST') return { statusCode: 201, data: { receipt: 'ABCDEFGH23' } }
    return { statusCode: 404, data: null }
  }
  const page = openPage('packages/committees/ballot/index', { vote: '3' })
  await until(() => text(page).includes('1号楼'), 'buildings in scope')
  expect(text(page)).toContain('关于续聘物业服务企业的表决')
  // The vote covers unit 12 only: building 2 and unit 11 cannot be picked.
  expect(text(page)).not.toContain('2号楼')
  tapText(page, '.chip', '1号楼')
  await until(() => text(page).includes('2单元'), 'unit chips')
  expect(page.querySelectorAll('.chip').map((c: any) => c.dom.textContent.trim())).not.toContain('1单元')
  tapText(page, '.chip', '2单元')
  await until(() => text(page).includes('301'), 'room chips')
  // Rooms in natural order.
  const rooms = page.querySelectorAll('.chip').map((c: any) => c.dom.textContent.trim()).filter((t: string) => /^\d+$/.test(t))
  expect(rooms).toEqual(['201', '301'])
  tapText(page, '.chip', '301')
  tapText(page, '.chip', '同意')
  await simulate.sleep(20)

  // Paper is the default channel; without its scan nothing is sent.
  tapText(page, '.btn-primary', '提交选票')
  await until(() => text(page).includes('请上传纸质选票扫描件'), 'scan required')
  expect(sent.some((r) => r.method === 'POST')).toBe(false)

  tapText(page, '.file-pick', '+ 拍摄或选择选票照片')
  await until(() => text(page).includes('照片1.jpg'), 'scan listed')
  expect(uploaded).toHaveLength(1)
  expect(uploaded[0]).toMatchObject({ filePath: 'wxfile://tmp/scan-1.jpg', name: 'file', header: { Authorization: 'Bearer jwt-1' } })
  expect(uploaded[0].url).toMatch(/^https?:\/\/.*\/api\/uploads$/)

  tapText(page, '.btn-primary', '提交选票')
  await until(() => text(page).includes('ABCDEFGH23'), 'receipt')
  expect(text(page)).toContain('1号楼 2单元 301：同意（纸质票）')
  const post = sent.find((r) => r.method === 'POST' && r.url.endsWith('/votes/3/ballots'))!
  expect(post.data).toEqual({ householdId: 31, choice: 'agree', channel: 'paper', scanUrl: '/api/uploads/88' })
})

test('paper ballot page: a door-to-door ballot needs no scan and sends none', async () => {
  storage.token = 'jwt-1'
  replies = (req) => {
    if (req.url.endsWith('/votes/3') && req.method === 'GET') return { statusCode: 200, data: { ...vote, scopeType: 'compound', scopeIds: [] } }
    if (req.url.endsWith('/mini/compounds/7/buildings')) return { statusCode: 200, data: [{ id: 1, name: '1号楼', units: [{ id: 12, name: '2单元' }] }] }
    if (req.url.endsWith('/mini/units/12/rooms')) return { statusCode: 200, data: [{ householdId: 31, room: '301' }] }
    if (req.url.endsWith('/votes/3/ballots') && req.method === 'POST') return { statusCode: 201, data: { receipt: 'KLMNPQRS45' } }
    return { statusCode: 404, data: null }
  }
  const page = openPage('packages/committees/ballot/index', { vote: '3' })
  await until(() => text(page).includes('1号楼'), 'buildings')
  tapText(page, '.chip', '入户')
  tapText(page, '.chip', '1号楼')
  await until(() => text(page).includes('2单元'), 'unit chips')
  tapText(page, '.chip', '2单元')
  await until(() => text(page).includes('301'), 'room chips')
  tapText(page, '.chip', '301')
  tapText(page, '.chip', '反对')
  await simulate.sleep(20)
  expect(text(page)).not.toContain('纸质选票扫描件（必填）')
  tapText(page, '.btn-primary', '提交选票')
  await until(() => text(page).includes('KLMNPQRS45'), 'receipt')
  const post = sent.find((r) => r.method === 'POST' && r.url.endsWith('/votes/3/ballots'))!
  expect(post.data).toEqual({ householdId: 31, choice: 'disagree', channel: 'door' })
})
