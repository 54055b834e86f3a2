// Resource and field names of WeChat Pay orders (issue 13); also the Excel column headers.
// Registered in i18n/zh.ts's resourcesZh.
export const payZh = {
  'pay-orders': {
    name: '微信支付订单 |||| 微信支付订单',
    fields: {
      id: 'ID',
      purpose: '用途',
      householdId: '房屋',
      compoundId: '小区',
      compoundName: '小区',
      buildingName: '楼栋',
      unitName: '单元',
      room: '房号',
      regionCode: '所在地区',
      billIds: '账单',
      amountFen: '金额（分）',
      refundedFen: '已退（分）',
      awaitingRefund: '待退款',
      outTradeNo: '商户订单号',
      transactionId: '微信支付订单号',
      status: '状态',
      feePaymentId: '缴费记录',
      createdAt: '下单时间',
      paidAt: '支付时间',
      closedAt: '关闭时间',
      q: '订单号',
    },
  },
};
