import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'

import { LoginPanel } from '../../components/LoginPanel'
import { isLoggedIn } from '../../services/auth'
import { listMyClaims, type HouseholdClaim } from '../../services/places'
import { CLAIM_STATUS_LABEL } from '../../utils/labels'
import './index.scss'

export default function MePage() {
  const [loggedIn, setLoggedIn] = useState(isLoggedIn())
  const [claims, setClaims] = useState<HouseholdClaim[] | null>(null)

  const load = async () => {
    try {
      setClaims(await listMyClaims())
    } catch {
      // The wrapper already showed why; keep the last list.
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
        <LoginPanel reason='登录后查看您绑定的房屋' onLoggedIn={() => { setLoggedIn(true); load() }} />
      </View>
    )
  }

  return (
    <View className='page'>
      {claims && claims.length === 0 && <View className='empty'>还没有绑定房屋</View>}
      {claims?.map((c) => (
        <View className='card claim' key={c.id}>
          <View className='claim-head'>
            <Text className='claim-room'>{`${c.buildingName} ${c.unitName} ${c.room}`}</Text>
            <Text className={`status status-${c.status}`}>{CLAIM_STATUS_LABEL[c.status] ?? c.status}</Text>
          </View>
          <View className='muted'>{c.compoundName}</View>
          <View className='muted'>{`业主：${c.name}  ${c.phone}`}</View>
          {c.status === 'rejected' && c.reason && <View className='claim-reason'>{`驳回原因：${c.reason}`}</View>}
        </View>
      ))}
      <Button className='btn-primary' onClick={() => Taro.navigateTo({ url: '/packages/places/bind/index' })}>
        绑定房屋
      </Button>
    </View>
  )
}
