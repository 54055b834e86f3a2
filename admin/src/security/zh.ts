// Console names for the security pages (issue 17).
export const securityZh = {
  'key-rotation': {
    name: '个人信息密钥轮换 |||| 个人信息密钥轮换',
    fields: {},
  },
} as const;
