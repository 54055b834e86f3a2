import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'

import { currentCompound, getCompoundByCode, rememberCompound, type CompoundSummary } from '../../services/places'
import { COMPOUND_TYPE_LABEL, MANAGEMENT_MODE_LABEL } from '../../utils/labels'
import './index.scss'

export default function HomePage() {
  const [compound, setCompound] = useState<CompoundSummary | null>(currentCompound())

  useDidShow(() => {
    const remembered = currentCompound()
    if (!remembered) {
      Taro.redirectTo({ url: '/pages/scan/index' })
      return
    }
    setCompound(remembered)
    Taro.setNavigationBarTitle({ title: remembered.name })
    // Counts change as the registry grows; refresh quietly and keep what we have on failure.
    getCompoundByCode(remembered.code, { loading: false, toast: false }).then((fresh) => {
      rememberCompound(fresh)
      setCompound(fresh)
    }, () => undefined)
  })

  if (!compound) return <View className='page' />

  const region = [compound.districtName, compound.streetName, compound.communityName].filter(Boolean).join(' · ')
  return (
    <View className='page'>
      <View className='card'>
        <Text className='home-name'>{compound.name}</Text>
        <View className='muted'>{compound.address}</View>
        <View className='muted'>{region}</View>
        <View className='home-tags'>
          <Text className='home-tag'>{COMPOUND_TYPE_LABEL[compound.type] ?? compound.type}</Text>
          <Text className='home-tag'>{MANAGEMENT_MODE_LABEL[compound.managementMode] ?? compound.managementMode}</Text>
        </View>
      </View>

      <View className='card'>
        <View className='row'>
          <Text className='muted'>物业服务企业</Text>
          <Text>{compound.companyName || '暂无'}</Text>
        </View>
      </View>

      <View className='card home-counts'>
        <View className='home-count'>
          <Text className='home-count-num'>{compound.buildingCount}</Text>
          <Text className='muted'>楼栋</Text>
        </View>
        <View className='home-count'>
          <Text className='home-count-num'>{compound.householdCount}</Text>
          <Text className='muted'>户</Text>
        </View>
      </View>

      <Button className='btn-primary' onClick={() => Taro.navigateTo({ url: '/packages/places/bind/index' })}>
        绑定房屋
      </Button>
      <Button className='btn-plain' onClick={() => Taro.navigateTo({ url: '/pages/me/index' })}>
        我的房屋
      </Button>
    </View>
  )
}
