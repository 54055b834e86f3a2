import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'

import { ApiError } from '../../../services/request'
import { staffLogin } from '../../../services/workorders'
import { validateLogin } from '../actions'
import '../workorders.scss'

/** Field staff sign in with their console account (residents keep the WeChat login). */
export default function StaffLoginPage() {
  const { params } = useRouter()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<Record<string, string | undefined>>({})
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    const problems = validateLogin({ username, password })
    setErrors(problems)
    if (Object.keys(problems).length) return
    setBusy(true)
    try {
      await staffLogin(username, password)
      const back = params.redirect ? decodeURIComponent(params.redirect) : '/packages/workorders/list/index'
      Taro.redirectTo({ url: back.startsWith('/packages/workorders/') ? back : '/packages/workorders/list/index' })
    } catch (e) {
      if (e instanceof ApiError) setErrors(e.fields ?? { form: e.message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='page'>
      <View className='card'>
        <Text className='card-title'>物业工作人员登录</Text>
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
        <View className='login-hint'>使用物业服务企业在管理平台的账号登录；居民请返回首页用微信登录。</View>
      </View>
      <Button className='btn-primary' loading={busy} disabled={busy} onClick={submit}>登录</Button>
    </View>
  )
}
