import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'

import { ApiError } from '../../../../services/request'
import { inspectLogin } from '../api'
import '../inspect.scss'

/** Inspectors and company staff sign in with their console account (residents keep the WeChat login). */
export default function InspectLoginPage() {
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<Record<string, string | undefined>>({})
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    const problems: Record<string, string> = {}
    if (!username.trim()) problems.username = '请输入用户名'
    if (!password) problems.password = '请输入密码'
    setErrors(problems)
    if (Object.keys(problems).length) return
    setBusy(true)
    try {
      await inspectLogin(username, password)
      Taro.redirectTo({ url: '/packages/supervision/inspect/list/index' })
    } catch (e) {
      if (e instanceof ApiError) setErrors(e.fields ?? { form: e.message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='page'>
      <View className='card'>
        <Text className='card-title'>消防安全检查与日常巡查</Text>
        <View className='field'>
          <Text className='field-label'>用户名</Text>
          <Input className='field-input' value={username} placeholder='请输入用户名' onInput={(e) => setUsername(e.detail.value)} />
          {errors.username && <View className='field-error'>{errors.username}</View>}
        </View>
        <View className='field'>
          <Text className='field-label'>密码</Text>
          <Input className='field-input' password value={password} placeholder='请输入密码' onInput={(e) => setPassword(e.detail.value)} onConfirm={submit} />
          {errors.password && <View className='field-error'>{errors.password}</View>}
        </View>
        {errors.form && <View className='field-error'>{errors.form}</View>}
        <View className='login-hint'>使用社区、街道、区住建局或物业企业在管理平台的账号登录。</View>
      </View>
      <Button className='btn-primary' loading={busy} disabled={busy} onClick={submit}>登录</Button>
    </View>
  )
}
