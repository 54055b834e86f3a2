function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function sceneFromUrl(url: string): string {
  const match = /[?&#]scene=([^&#]*)/.exec(url);
  return match ? decode(match[1]) : '';
}

/**
 * The compound code a QR code carried. A WeChat mini-program code passes it URL-encoded as
 * `scene`; a plain-link QR code passes the whole link as `q`; H5 has it in the hash query.
 */
export function readScene(params: Record<string, string | undefined>, launchQuery?: Record<string, string>): string {
  let scene = params.scene ? decode(params.scene) : '';
  if (!scene && params.q) scene = sceneFromUrl(decode(params.q));
  if (!scene && launchQuery?.scene) scene = decode(launchQuery.scene);
  if (!scene && process.env.TARO_ENV === 'h5') scene = sceneFromUrl(window.location.href);
  return scene.trim().slice(0, 64);
}

export { sceneFromUrl };
