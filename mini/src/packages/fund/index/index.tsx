import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'

import { LoginPanel } from '../../../components/LoginPanel'
import { isLoggedIn } from '../../../services/auth'
import { formatYuan, listMyLedgers, type FundLedger } from '../../../services/fund'
import { listMyClaims } from '../../../services/places'
import '../fund.scss'

/** Every verified home's maintenance-fund sub-ledger: balance at a glance; tap for the history. */
export default function FundHomePage() {
  const [loggedIn, setLoggedIn] = useState(isLoggedIn())
  const [ledgers, setLedgers] = useState<FundLedger[] | null>(null)
  const [verified, setVerified] = useState(0)

  const load = async () => {
    try {
      const [list, claims] = await Promise.all([listMyLedgers(), listMyClaims()])
      setLedgers(list)
      setVerified(claims.filter((c) => c.status === 'verified').length)
    } catch {
      setLoggedIn(isLoggedIn())
    }
  }

  useDidShow(() => {
    if (isLoggedIn()) load()
  })
  usePullDownRefresh(() => {
    load().finally(() => Taro.stopPullDownRefresh())
  })

  if (!loggedIn) {
    return (
      <View className='page'>
        <LoginPanel reason='登录后查看您房屋的维修资金' onLoggedIn={() => { setLoggedIn(true); load() }} />
      </View>
    )
  }

  return (
    <View className='page'>
      {ledgers && ledgers.length === 0 && (
        <View className='card'>
          <View className='empty'>{verified ? '您的房屋暂未建立维修资金分户账' : '认证房屋后可查看维修资金'}</View>
          {!verified && (
            <Button className='btn-primary' onClick={() => Taro.navigateTo({ url: '/packages/places/bind/index' })}>绑定房屋</Button>
          )}
        </View>
      )}
      {ledgers?.map((l) => (
        <View
          className='card fund-ledger'
          key={l.id}
          data-household={l.householdId}
          onClick={() => Taro.navigateTo({ url: `/packages/fund/ledger/index?householdId=${l.householdId}` })}
        >
          <View>
            <Text className='fund-room'>{`${l.buildingName} ${l.unitName ?? ''} ${l.room}`}</Text>
          </View>
          <View className='muted'>
            维修资金余额（元）
            {l.topUpDue && <Text className='fund-due'>需续交</Text>}
          </View>
          <Text className='fund-balance'>{formatYuan(l.balanceFen)}</Text>
          <View className='muted'>{`首次交存 ${formatYuan(l.firstDepositFen)} · 收益 ${formatYuan(l.earnedFen)} · 使用 ${formatYuan(l.usedFen)}`}</View>
        </View>
      ))}
    </View>
  )
}
