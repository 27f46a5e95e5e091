import { createContext, useContext } from 'react';
import type { Language } from '../../shared/domain/settings';

const en = {
  'app.title': 'Tandem',
  'source.label': 'Source',
  'source.local': 'Local archive',
  'worklist.patientName': 'Patient name',
  'worklist.patientID': 'Patient ID',
  'worklist.accession': 'Accession',
  'worklist.dateFrom': 'From',
  'worklist.dateTo': 'To',
  'worklist.modality': 'Modality',
  'worklist.anyModality': 'Any',
  'worklist.description': 'Description',
  'worklist.search': 'Search',
  'worklist.date': 'Study date',
  'worklist.images': 'Images',
  'worklist.empty.local': 'The local archive is empty. Add a PACS under Settings and open studies from it.',
  'worklist.empty.pacs': 'No studies match these filters.',
  'worklist.loading': 'Searching…',
  'worklist.more': 'Next page',
  'worklist.previous': 'Previous page',
  'worklist.open': 'Open',
  'viewer.back': 'Worklist',
  'viewer.retrieving': 'Retrieving images',
  'viewer.noImages': 'This study has no images Tandem can show.',
  'settings.title': 'PACS servers',
  'settings.open': 'Settings',
  'settings.close': 'Close',
  'settings.add': 'Add PACS',
  'settings.save': 'Save',
  'settings.remove': 'Remove',
  'settings.test': 'Test connection',
  'settings.name': 'Name',
  'settings.baseUrl': 'DICOMweb base URL',
  'settings.auth': 'Authentication',
  'settings.username': 'User name',
  'settings.secret': 'Password or token',
  'settings.timeout': 'Timeout (s)',
  'settings.language': 'Language',
  'status.not-fetched': 'Not fetched',
  'status.fetching': 'Fetching',
  'status.cached': 'Cached',
  'status.read': 'Read',
  'status.signed': 'Signed',
  'status.sent': 'Sent',
  'worklist.status': 'Local',
  'worklist.offline': 'Make page available offline',
  'worklist.offlineQueued': 'Queued for offline use',
  'viewer.cancel': 'Cancel',
  'reachability.online': 'online',
  'reachability.offline': 'offline',
  'reachability.unknown': 'checking',
} as const;

export type MessageKey = keyof typeof en;

const ru: Record<MessageKey, string> = {
  'app.title': 'Tandem',
  'source.label': 'Источник',
  'source.local': 'Локальный архив',
  'worklist.patientName': 'ФИО пациента',
  'worklist.patientID': 'ID пациента',
  'worklist.accession': 'Номер направления',
  'worklist.dateFrom': 'С',
  'worklist.dateTo': 'По',
  'worklist.modality': 'Модальность',
  'worklist.anyModality': 'Любая',
  'worklist.description': 'Описание',
  'worklist.search': 'Найти',
  'worklist.date': 'Дата исследования',
  'worklist.images': 'Снимки',
  'worklist.empty.local': 'Локальный архив пуст. Добавьте PACS в настройках и откройте исследования из него.',
  'worklist.empty.pacs': 'Нет исследований, отвечающих фильтрам.',
  'worklist.loading': 'Поиск…',
  'worklist.more': 'Следующая страница',
  'worklist.previous': 'Предыдущая страница',
  'worklist.open': 'Открыть',
  'viewer.back': 'Рабочий список',
  'viewer.retrieving': 'Загрузка снимков',
  'viewer.noImages': 'В исследовании нет снимков, которые Tandem может показать.',
  'settings.title': 'Серверы PACS',
  'settings.open': 'Настройки',
  'settings.close': 'Закрыть',
  'settings.add': 'Добавить PACS',
  'settings.save': 'Сохранить',
  'settings.remove': 'Удалить',
  'settings.test': 'Проверить соединение',
  'settings.name': 'Название',
  'settings.baseUrl': 'Базовый URL DICOMweb',
  'settings.auth': 'Аутентификация',
  'settings.username': 'Имя пользователя',
  'settings.secret': 'Пароль или токен',
  'settings.timeout': 'Тайм-аут (с)',
  'settings.language': 'Язык',
  'status.not-fetched': 'Не загружено',
  'status.fetching': 'Загрузка',
  'status.cached': 'В архиве',
  'status.read': 'Прочитано',
  'status.signed': 'Подписано',
  'status.sent': 'Отправлено',
  'worklist.status': 'Локально',
  'worklist.offline': 'Сохранить страницу для работы офлайн',
  'worklist.offlineQueued': 'Поставлено в очередь для офлайн-работы',
  'viewer.cancel': 'Отменить',
  'reachability.online': 'на связи',
  'reachability.offline': 'нет связи',
  'reachability.unknown': 'проверка',
};

const catalogues: Record<Language, Record<MessageKey, string>> = { en, ru };

export type Translate = (key: MessageKey) => string;

export function translator(language: Language): Translate {
  return (key) => catalogues[language][key];
}

export const I18nContext = createContext<Translate>(translator('en'));

export function useT(): Translate {
  return useContext(I18nContext);
}
