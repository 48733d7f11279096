import type { RequestContext } from '../../../core/access/context';
import type { Category } from '../contract';

type Lang = RequestContext['lang'];
type T = { fr: string; ar: string; en: string };

/** Column headers and labels of the exports, in the caller's language (Accept-Language / ?lang). */
const TEXTS = {
  platform: { fr: 'Plateforme', ar: 'المنصة', en: 'Platform' },
  region: { fr: 'Code région', ar: 'رمز الجهة', en: 'Region code' },
  warehouse: { fr: 'Entrepôt', ar: 'المستودع', en: 'Warehouse' },
  bin: { fr: 'Emplacement', ar: 'الموضع', en: 'Bin' },
  product: { fr: 'Code produit', ar: 'رمز المنتج', en: 'Product code' },
  productName: { fr: 'Produit', ar: 'المنتج', en: 'Product' },
  category: { fr: 'Catégorie', ar: 'الفئة', en: 'Category' },
  unit: { fr: 'Unité', ar: 'الوحدة', en: 'Unit' },
  lot: { fr: 'Lot', ar: 'الحصة', en: 'Lot' },
  serial: { fr: 'N° de série', ar: 'الرقم التسلسلي', en: 'Serial number' },
  expiresOn: { fr: 'Péremption', ar: 'تاريخ انتهاء الصلاحية', en: 'Expiry' },
  quantity: { fr: 'Quantité', ar: 'الكمية', en: 'Quantity' },
  level: { fr: 'Niveau', ar: 'المستوى', en: 'Level' },
  code: { fr: 'Code', ar: 'الرمز', en: 'Code' },
  name: { fr: 'Nom', ar: 'الاسم', en: 'Name' },
  households: { fr: 'Ménages servis (1 semaine)', ar: 'الأسر المستفيدة (أسبوع)', en: 'Households served (1 week)' },
  perDay: { fr: 'Expédié par jour', ar: 'المرسل يوميا', en: 'Dispatched per day' },
  cover: { fr: 'Jours de couverture', ar: 'أيام التغطية', en: 'Days of cover' },
  inTransit: { fr: 'En transit', ar: 'في الطريق', en: 'In transit' },
  expiring: { fr: 'Périme bientôt', ar: 'قريب الانتهاء', en: 'Expiring soon' },
  daysLeft: { fr: 'Jours restants', ar: 'الأيام المتبقية', en: 'Days left' },
  kind: { fr: 'Type', ar: 'النوع', en: 'Kind' },
  reference: { fr: 'Référence', ar: 'المرجع', en: 'Reference' },
  from: { fr: 'De', ar: 'من', en: 'From' },
  to: { fr: 'Vers', ar: 'إلى', en: 'To' },
  expectedAt: { fr: 'Arrivée prévue', ar: 'الوصول المتوقع', en: 'Expected arrival' },
  late: { fr: 'En retard', ar: 'متأخر', en: 'Late' },
  yes: { fr: 'oui', ar: 'نعم', en: 'yes' },
  no: { fr: 'non', ar: 'لا', en: 'no' },
  all: { fr: 'Toutes', ar: 'الكل', en: 'All' },
  sheetStock: { fr: 'Stock', ar: 'المخزون', en: 'Stock' },
  sheetCategories: { fr: 'Par catégorie', ar: 'حسب الفئة', en: 'By category' },
  sheetCompare: { fr: 'Comparaison', ar: 'مقارنة', en: 'Comparison' },
  sheetExpiring: { fr: 'Péremption', ar: 'انتهاء الصلاحية', en: 'Expiring' },
  sheetTransit: { fr: 'En transit', ar: 'في الطريق', en: 'In transit' },
  nation: { fr: 'Nation', ar: 'الوطن', en: 'Nation' },
  platformLevel: { fr: 'Plateforme', ar: 'منصة', en: 'Platform' },
  warehouseLevel: { fr: 'Entrepôt', ar: 'مستودع', en: 'Warehouse' },
  scopeLevel: { fr: 'Périmètre', ar: 'النطاق', en: 'Scope' },
  transfer: { fr: 'Transfert', ar: 'تحويل', en: 'Transfer' },
  dispatch: { fr: 'Expédition', ar: 'إرسال', en: 'Dispatch' },
} satisfies Record<string, T>;

export const CATEGORY_TEXTS: Record<Category, T> = {
  shelter: { fr: 'Abri', ar: 'الإيواء', en: 'Shelter' },
  food: { fr: 'Vivres', ar: 'المواد الغذائية', en: 'Food' },
  water: { fr: 'Eau', ar: 'الماء', en: 'Water' },
  hygiene: { fr: 'Hygiène', ar: 'النظافة', en: 'Hygiene' },
  medical: { fr: 'Médical', ar: 'الطبي', en: 'Medical' },
  energy: { fr: 'Énergie', ar: 'الطاقة', en: 'Energy' },
  equipment: { fr: 'Équipement', ar: 'التجهيزات', en: 'Equipment' },
};

export type TextKey = keyof typeof TEXTS;
export const tx = (lang: Lang, key: TextKey): string => TEXTS[key][lang];
export const categoryLabel = (lang: Lang, c: Category): string => CATEGORY_TEXTS[c][lang];
