/**
 * Error codes of the operations part of the reserves module (crises, requests, allocation,
 * dispatch, delivery, traceability). Messages: `errors.<CODE>` in locales/{fr,ar,en}.json.
 */
export const OPS_ERR = {
  crisisNotFound: 'RESERVES_CRISIS_NOT_FOUND',
  crisisClosed: 'RESERVES_CRISIS_CLOSED',
  areaInvalid: 'RESERVES_AREA_INVALID',
  requestNotFound: 'RESERVES_REQUEST_NOT_FOUND',
  requestClosed: 'RESERVES_REQUEST_CLOSED',
  territoryNotAffected: 'RESERVES_TERRITORY_NOT_AFFECTED',
  ruleUnknown: 'RESERVES_ALLOCATION_RULE_UNKNOWN',
  runNotFound: 'RESERVES_ALLOCATION_RUN_NOT_FOUND',
  nothingToAllocate: 'RESERVES_NOTHING_TO_ALLOCATE',
  dispatchNotFound: 'RESERVES_DISPATCH_NOT_FOUND',
  dispatchDelivered: 'RESERVES_DISPATCH_ALREADY_DELIVERED',
  dispatchMixedPlatforms: 'RESERVES_DISPATCH_PLATFORMS',
  dispatchExceedsRequest: 'RESERVES_DISPATCH_EXCEEDS_REQUEST',
  stockReserved: 'RESERVES_STOCK_RESERVED',
  requestLineUnknown: 'RESERVES_REQUEST_LINE_UNKNOWN',
  expectedInPast: 'RESERVES_EXPECTED_IN_PAST',
  waybillSignatureInvalid: 'RESERVES_WAYBILL_SIGNATURE_INVALID',
  deliveryQuantities: 'RESERVES_DELIVERY_QUANTITIES',
  deliveryLineUnknown: 'RESERVES_DELIVERY_LINE_UNKNOWN',
  deliveryNotFound: 'RESERVES_DELIVERY_NOT_FOUND',
  receivedBeforeDispatch: 'RESERVES_RECEIVED_BEFORE_DISPATCH',
  distributionExceeds: 'RESERVES_DISTRIBUTION_EXCEEDS',
  communeOutside: 'RESERVES_COMMUNE_OUTSIDE_DESTINATION',
  traceNotFound: 'RESERVES_TRACE_NOT_FOUND',
  traceCursorInvalid: 'RESERVES_TRACE_CURSOR_INVALID',
} as const;
export type OpsErrorCode = (typeof OPS_ERR)[keyof typeof OPS_ERR];

/** Error messages (merged into locales/{fr,ar,en}.json under `errors`). */
export const OPS_ERROR_TEXTS: Record<OpsErrorCode, { fr: string; ar: string; en: string }> = {
  RESERVES_CRISIS_NOT_FOUND: { fr: 'Crise introuvable.', ar: 'الأزمة غير موجودة.', en: 'Crisis not found.' },
  RESERVES_CRISIS_CLOSED: {
    fr: 'Cette crise est clôturée.',
    ar: 'هذه الأزمة مغلقة.',
    en: 'This crisis is closed.',
  },
  RESERVES_AREA_INVALID: {
    fr: '« {{code}} » n’est ni une province ni une commune connue.',
    ar: '« {{code}} » ليست إقليما ولا جماعة معروفة.',
    en: '“{{code}}” is not a known province or commune.',
  },
  RESERVES_REQUEST_NOT_FOUND: { fr: 'Demande introuvable.', ar: 'الطلب غير موجود.', en: 'Request not found.' },
  RESERVES_REQUEST_CLOSED: {
    fr: 'Cette demande n’est plus ouverte.',
    ar: 'هذا الطلب لم يعد مفتوحا.',
    en: 'This request is no longer open.',
  },
  RESERVES_TERRITORY_NOT_AFFECTED: {
    fr: 'Le territoire « {{code}} » n’est pas touché par cette crise.',
    ar: 'المجال الترابي « {{code}} » غير متأثر بهذه الأزمة.',
    en: 'Territory “{{code}}” is not affected by this crisis.',
  },
  RESERVES_ALLOCATION_RULE_UNKNOWN: {
    fr: 'Règle d’allocation inconnue : {{ruleVersion}}.',
    ar: 'قاعدة توزيع غير معروفة: {{ruleVersion}}.',
    en: 'Unknown allocation rule: {{ruleVersion}}.',
  },
  RESERVES_ALLOCATION_RUN_NOT_FOUND: {
    fr: 'Allocation introuvable.',
    ar: 'عملية التوزيع غير موجودة.',
    en: 'Allocation run not found.',
  },
  RESERVES_NOTHING_TO_ALLOCATE: {
    fr: 'Aucune demande ouverte à servir.',
    ar: 'لا يوجد طلب مفتوح للتلبية.',
    en: 'No open request to serve.',
  },
  RESERVES_DISPATCH_NOT_FOUND: { fr: 'Expédition introuvable.', ar: 'الإرسالية غير موجودة.', en: 'Dispatch not found.' },
  RESERVES_DISPATCH_ALREADY_DELIVERED: {
    fr: 'La livraison de cette expédition est déjà enregistrée.',
    ar: 'تم تسجيل تسليم هذه الإرسالية مسبقا.',
    en: 'The delivery of this dispatch is already recorded.',
  },
  RESERVES_DISPATCH_PLATFORMS: {
    fr: 'Une lettre de voiture part d’une seule plateforme ; « {{warehouse}} » est sur une autre.',
    ar: 'سند النقل ينطلق من منصة واحدة؛ « {{warehouse}} » في منصة أخرى.',
    en: 'A waybill leaves from one platform; “{{warehouse}}” is on another.',
  },
  RESERVES_DISPATCH_EXCEEDS_REQUEST: {
    fr: 'La ligne {{line}} dépasse le reste à servir de la demande ({{remaining}}).',
    ar: 'السطر {{line}} يتجاوز الباقي من الطلب ({{remaining}}).',
    en: 'Line {{line}} exceeds what the request still needs ({{remaining}}).',
  },
  RESERVES_STOCK_RESERVED: {
    fr: 'Ligne {{line}} : le stock de {{product}} est réservé à des demandes plus urgentes (disponible : {{available}}).',
    ar: 'السطر {{line}}: مخزون {{product}} محجوز لطلبات أكثر استعجالا (المتاح: {{available}}).',
    en: 'Line {{line}}: the stock of {{product}} is reserved for more urgent requests (available: {{available}}).',
  },
  RESERVES_REQUEST_LINE_UNKNOWN: {
    fr: 'La demande n’a pas de ligne {{line}} pour ce produit.',
    ar: 'الطلب لا يتضمن السطر {{line}} لهذا المنتج.',
    en: 'The request has no line {{line}} for this product.',
  },
  RESERVES_EXPECTED_IN_PAST: {
    fr: 'L’arrivée prévue doit être après le départ.',
    ar: 'يجب أن يكون الوصول المتوقع بعد الانطلاق.',
    en: 'The expected arrival must be after departure.',
  },
  RESERVES_WAYBILL_SIGNATURE_INVALID: {
    fr: 'Cette lettre de voiture n’est pas authentique.',
    ar: 'سند النقل هذا غير أصلي.',
    en: 'This waybill is not authentic.',
  },
  RESERVES_DELIVERY_QUANTITIES: {
    fr: 'Ligne {{line}} : reçu + abîmé + perdu + retourné doit égaler l’expédié ({{dispatched}}).',
    ar: 'السطر {{line}}: المستلم + التالف + المفقود + المرجع يجب أن يساوي المرسل ({{dispatched}}).',
    en: 'Line {{line}}: received + damaged + lost + returned must equal what was dispatched ({{dispatched}}).',
  },
  RESERVES_DELIVERY_LINE_UNKNOWN: {
    fr: 'L’expédition n’a pas de ligne {{line}}.',
    ar: 'الإرسالية لا تتضمن السطر {{line}}.',
    en: 'The dispatch has no line {{line}}.',
  },
  RESERVES_DELIVERY_NOT_FOUND: { fr: 'Livraison introuvable.', ar: 'التسليم غير موجود.', en: 'Delivery not found.' },
  RESERVES_RECEIVED_BEFORE_DISPATCH: {
    fr: 'La réception ne peut pas précéder le départ de l’expédition.',
    ar: 'لا يمكن أن يسبق الاستلام انطلاق الإرسالية.',
    en: 'The goods cannot be received before they were dispatched.',
  },
  RESERVES_DISTRIBUTION_EXCEEDS: {
    fr: 'Ligne {{line}} : la distribution dépasse la quantité reçue non encore distribuée ({{remaining}}).',
    ar: 'السطر {{line}}: التوزيع يتجاوز الكمية المستلمة غير الموزعة بعد ({{remaining}}).',
    en: 'Line {{line}}: the distribution exceeds what was received and not yet handed out ({{remaining}}).',
  },
  RESERVES_COMMUNE_OUTSIDE_DESTINATION: {
    fr: 'La commune « {{code}} » n’est pas dans le territoire de destination.',
    ar: 'الجماعة « {{code}} » ليست ضمن مجال الوجهة.',
    en: 'Commune “{{code}}” is not in the destination territory.',
  },
  RESERVES_TRACE_NOT_FOUND: {
    fr: 'Aucun lot « {{lot}} » pour ce produit.',
    ar: 'لا توجد حصة « {{lot}} » لهذا المنتج.',
    en: 'No lot “{{lot}}” for this product.',
  },
  RESERVES_TRACE_CURSOR_INVALID: {
    fr: 'Curseur de page invalide : reprenez la traçabilité depuis la première page.',
    ar: 'مؤشر الصفحة غير صالح: أعد التتبع من الصفحة الأولى.',
    en: 'Invalid page cursor: start the trace again from the first page.',
  },
};
