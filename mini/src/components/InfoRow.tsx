import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

/** A labelled line of a detail card: the label muted on the left, the value on the right. */
export function InfoRow({ label, valueClass, children }: { label: ReactNode; valueClass?: string; children: ReactNode }) {
  return (
    <View className="row">
      <Text className="muted">{label}</Text>
      <Text className={valueClass}>{children}</Text>
    </View>
  );
}
