/**
 * A refused request as the developers' guide wants it: a 4xx (exactly `status` when given, never a 500),
 * an English code and a Chinese message.
 */
export function expectRefusal(res: { status: number; body: any }, status?: number): void {
  if (status === undefined) {
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  } else {
    expect(res.status).toBe(status);
  }
  expect(res.body.error.code).toMatch(/^[A-Z_]+$/);
  expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
}
