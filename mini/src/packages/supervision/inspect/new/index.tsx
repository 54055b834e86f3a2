import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { CHECKLIST_CATEGORY_LABELS, ITEM_RESULTS, ITEM_RESULT_LABELS, type ChecklistCategory, type ItemResult } from '@baotou/shared';
import { UPLOAD_IMAGE_ACCEPT } from '@baotou/shared/src/uploads/rules';

import { FileInput } from '../../../../components/FileInput';
import { uploadFile } from '../../../../services/request';
import { createInspection, inspectStaff, listChecklist, listProjects, type ChecklistItem, type ProjectOption, type ResultInput } from '../api';
import '../inspect.scss';

const isH5 = process.env.TARO_ENV === 'h5';

/** One visit: the project, every checklist item's result, photos of what failed, the phone's location. */
export default function NewInspectionPage() {
  const staff = inspectStaff();
  const [items, setItems] = useState<ChecklistItem[]>([]);
  const [results, setResults] = useState<Record<number, ResultInput>>({});
  const [search, setSearch] = useState('');
  const [projects, setProjects] = useState<ProjectOption[]>([]);
  const [project, setProject] = useState<ProjectOption | null>(null);
  const [place, setPlace] = useState<{ lat: number; lng: number } | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useDidShow(() => {
    if (!inspectStaff()) {
      Taro.redirectTo({ url: '/packages/supervision/inspect/login/index' });
      return;
    }
    listChecklist()
      .then((list) => {
        setItems(list);
        setResults(
          Object.fromEntries(
            list.map((i) => [i.id, { itemId: i.id, result: 'passed', photos: [], note: null, correctedOnSpot: false, rectificationPhotos: [] }]),
          ),
        );
      })
      .catch(() => undefined);
    listProjects('')
      .then(setProjects)
      .catch(() => undefined);
    Taro.getLocation({ type: 'gcj02' })
      .then((p) => setPlace({ lat: Number(p.latitude.toFixed(6)), lng: Number(p.longitude.toFixed(6)) }))
      .catch(() => undefined);
  });

  const patch = (id: number, p: Partial<ResultInput>) => setResults((all) => ({ ...all, [id]: { ...all[id], ...p } }));
  const addPhoto = async (id: number, key: 'photos' | 'rectificationPhotos', source: string | Blob) => {
    const up = await uploadFile(source).catch(() => null);
    if (up) setResults((all) => ({ ...all, [id]: { ...all[id], [key]: [...all[id][key], up.url] } }));
  };
  const choosePhoto = async (id: number, key: 'photos' | 'rectificationPhotos') => {
    const res = await Taro.chooseImage({ count: 3, sizeType: ['compressed'], sourceType: ['camera', 'album'] }).catch(() => null);
    for (const path of res?.tempFilePaths ?? []) await addPhoto(id, key, path);
  };
  const onFiles = (id: number, key: 'photos' | 'rectificationPhotos') => async (e: { target: { files: FileList | null; value: string } }) => {
    for (const f of Array.from(e.target.files ?? [])) await addPhoto(id, key, f);
    e.target.value = '';
  };

  const submit = async () => {
    setError('');
    if (!project) return setError('请选择项目');
    const list = items.map((i) => results[i.id]);
    const missing = list.findIndex((r) => r.result === 'failed' && r.photos.length === 0);
    if (missing >= 0) return setError(`第${missing + 1}项不合格，须附现场照片`);
    setBusy(true);
    try {
      const kind = staff?.role === 'company_staff' ? 'patrol' : 'inspection';
      const saved = await createInspection({
        projectId: project.id,
        kind,
        lat: place?.lat ?? null,
        lng: place?.lng ?? null,
        note: note.trim() || null,
        results: list,
      });
      Taro.showToast({ title: saved.failedCount ? `已提交，发现隐患${saved.failedCount}项` : '已提交，全部合格', icon: 'none' });
      Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/packages/supervision/inspect/list/index' }));
    } catch {
      // the wrapper showed the server's message
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page">
      <View className="card">
        <View className="field">
          <Text className="field-label">项目（小区）</Text>
          <Input
            className="field-input"
            value={search}
            placeholder="输入小区名称搜索"
            onInput={(e) => {
              setSearch(e.detail.value);
              listProjects(e.detail.value)
                .then(setProjects)
                .catch(() => undefined);
            }}
          />
          <Picker
            mode="selector"
            range={projects.map((p) => `${p.compoundName}（${p.companyName}）`)}
            onChange={(e) => setProject(projects[Number(e.detail.value)] ?? null)}
          >
            <View className="choice" data-testid="project-picker">
              {project ? `${project.compoundName}（${project.companyName}）` : '选择项目'}
            </View>
          </Picker>
        </View>
        <Text className="muted">{place ? `定位：${place.lat}, ${place.lng}` : '未获取定位'}</Text>
      </View>
      {items.map((item, n) => {
        const r = results[item.id];
        if (!r) return null;
        return (
          <View key={item.id} className="card item" data-testid={`item-${item.code}`}>
            <Text className="item-text">
              {n + 1}. 【{CHECKLIST_CATEGORY_LABELS[item.category as ChecklistCategory]}】{item.text}
              {item.onSpot ? '（须当场改正）' : ''}
            </Text>
            <View className="choices">
              {ITEM_RESULTS.map((v: ItemResult) => (
                <Text
                  key={v}
                  className={`choice ${r.result === v ? 'choice-on' : ''}`}
                  onClick={() => patch(item.id, { result: v, ...(v === 'failed' ? {} : { correctedOnSpot: false, rectificationPhotos: [] }) })}
                >
                  {ITEM_RESULT_LABELS[v]}
                </Text>
              ))}
            </View>
            {r.result === 'failed' && (
              <View>
                {r.photos.map((u, i) => (
                  <Text key={u} className="photo-name">
                    现场照片{i + 1}
                  </Text>
                ))}
                {isH5 ? (
                  <FileInput label="+ 拍照/选择现场照片" accept={UPLOAD_IMAGE_ACCEPT} onChange={onFiles(item.id, 'photos')} />
                ) : (
                  <Button size="mini" onClick={() => choosePhoto(item.id, 'photos')}>
                    拍照
                  </Button>
                )}
                <Input className="field-input" value={r.note ?? ''} placeholder="问题说明" onInput={(e) => patch(item.id, { note: e.detail.value || null })} />
                {item.onSpot && (
                  <View className="choices">
                    <Text className={`choice ${r.correctedOnSpot ? 'choice-on' : ''}`} onClick={() => patch(item.id, { correctedOnSpot: !r.correctedOnSpot })}>
                      已当场改正
                    </Text>
                  </View>
                )}
                {r.correctedOnSpot && (
                  <View>
                    {r.rectificationPhotos.map((u, i) => (
                      <Text key={u} className="photo-name">
                        整改照片{i + 1}
                      </Text>
                    ))}
                    {isH5 ? (
                      <FileInput label="+ 整改照片" accept={UPLOAD_IMAGE_ACCEPT} onChange={onFiles(item.id, 'rectificationPhotos')} />
                    ) : (
                      <Button size="mini" onClick={() => choosePhoto(item.id, 'rectificationPhotos')}>
                        拍整改照片
                      </Button>
                    )}
                  </View>
                )}
              </View>
            )}
          </View>
        );
      })}
      <View className="card">
        <Textarea className="field-input" value={note} placeholder="备注（可选）" onInput={(e) => setNote(e.detail.value)} />
      </View>
      {error && <View className="field-error">{error}</View>}
      <Button className="btn-primary" loading={busy} disabled={busy} onClick={submit}>
        提交
      </Button>
    </View>
  );
}
