import type { LegalText, ProcedureSource, RequiredDocument, Step, T } from '../types';

/** Batch B — economic-activity authorisations and the communal public domain (issued by the commune, www.rokhas.ma). */

const t = (fr: string, ar: string, en?: string): T => (en === undefined ? { fr, ar } : { fr, ar, en });
const step = (fr: string, ar: string, detailFr?: string, detailAr?: string): Step =>
  detailFr !== undefined && detailAr !== undefined ? { title: t(fr, ar), detail: t(detailFr, detailAr) } : { title: t(fr, ar) };
const doc = (
  key: string,
  name: T,
  form: RequiredDocument['form'],
  copies: number,
  more: Partial<RequiredDocument> = {},
): RequiredDocument => ({ key, name, form, copies, ...more });

const ROKHAS = 'https://www.rokhas.ma';

const lo11314: LegalText = {
  id: 'lo-113-14',
  title: t(
    'Loi organique n° 113-14 relative aux communes',
    'القانون التنظيمي رقم 113.14 المتعلق بالجماعات',
    'Organic Law No. 113-14 on communes',
  ),
  reference: 'Dahir n° 1-15-85 du 20 ramadan 1436 (7 juillet 2015)',
  bulletin: 'BO n° 6380 du 23 juillet 2015',
};
const dahir1914: LegalText = {
  id: 'dahir-1914-ecid',
  title: t(
    'Dahir du 25 août 1914 portant réglementation des établissements insalubres, incommodes ou dangereux',
    'ظهير 25 غشت 1914 المتعلق بتنظيم المحلات المضرة بالصحة أو المزعجة أو الخطيرة',
    'Dahir of 25 August 1914 regulating unhealthy, inconvenient or dangerous establishments',
  ),
};
const loi5519: LegalText = {
  id: 'loi-55-19',
  title: t(
    'Loi n° 55-19 relative à la simplification des procédures et des formalités administratives',
    'القانون رقم 55.19 المتعلق بتبسيط المساطر والإجراءات الإدارية',
    'Law No. 55-19 on the simplification of administrative procedures',
  ),
  reference: 'Dahir n° 1-20-06 du 11 rejeb 1441 (6 mars 2020)',
  bulletin: 'BO n° 6866 du 19 mars 2020',
};
const loi4706: LegalText = {
  id: 'loi-47-06',
  title: t(
    'Loi n° 47-06 relative à la fiscalité des collectivités locales, telle que modifiée et complétée',
    'القانون رقم 47.06 المتعلق بجبايات الجماعات المحلية، كما وقع تغييره وتتميمه',
    'Law No. 47-06 on local government taxation',
  ),
  reference: 'Dahir n° 1-07-195 du 19 kaada 1428 (30 novembre 2007)',
};
const loi5719: LegalText = {
  id: 'loi-57-19',
  title: t(
    'Loi n° 57-19 relative au régime des biens immobiliers des collectivités territoriales',
    'القانون رقم 57.19 المتعلق بنظام الأملاك العقارية للجماعات الترابية',
    'Law No. 57-19 on the real property of local authorities',
  ),
};
const loi3907: LegalText = {
  id: 'loi-39-07',
  title: t(
    'Loi n° 39-07 édictant des dispositions transitoires en ce qui concerne certaines taxes, droits, contributions et redevances dus aux collectivités locales',
    'القانون رقم 39.07 بسن أحكام انتقالية فيما يتعلق ببعض الرسوم والحقوق والمساهمات والأتاوى المستحقة لفائدة الجماعات المحلية',
    'Law No. 39-07 on transitional provisions for certain local taxes, duties and fees',
  ),
  reference: 'Dahir n° 1-07-209 du 16 hija 1428 (27 décembre 2007)',
};

const communeEconomic = {
  orgType: 'commune',
  service: t(
    'Service des affaires économiques de la commune (président du conseil communal)',
    'مصلحة الشؤون الاقتصادية بالجماعة (رئيس المجلس الجماعي)',
    'Economic affairs department of the commune',
  ),
};
const rokhasChannel = {
  kind: 'online' as const,
  where: t('Plateforme Rokhas, volet « activités économiques »', 'منصة "رخص"، فضاء "الأنشطة الاقتصادية"'),
  url: ROKHAS,
};
const counterChannel = {
  kind: 'counter' as const,
  where: t(
    'Guichet de la commune (ou de l’arrondissement) du lieu de l’activité',
    'شباك الجماعة (أو المقاطعة) التي يوجد بها مقر النشاط',
  ),
};
const idCard = doc(
  'cnie',
  t(
    "Copie de la carte nationale d'identité électronique du demandeur",
    'نسخة من البطاقة الوطنية للتعريف الإلكترونية لصاحب الطلب',
  ),
  'copy',
  1,
);
const companyDocs = doc(
  'company-docs',
  t(
    'Pour une société : statuts, certificat d’immatriculation au registre de commerce (modèle 7) et pouvoir du représentant',
    'بالنسبة للشركة: النظام الأساسي وشهادة التقييد في السجل التجاري (النموذج 7) وسند تفويض الممثل',
  ),
  'copy',
  1,
  { optional: true, condition: t('Demandeur personne morale', 'صاحب الطلب شخص معنوي') },
);
const premisesTitle = doc(
  'premises',
  t(
    "Titre d'occupation du local : contrat de bail enregistré, titre de propriété ou attestation du propriétaire",
    'سند استغلال المحل: عقد كراء مسجل أو رسم الملكية أو إشهاد من المالك',
  ),
  'copy',
  1,
);

export const economicPublicLand: ProcedureSource[] = [
  {
    slug: 'autorisation-exercice-activite-economique',
    owner: 'MIN-INTERIEUR',
    title: t(
      "Autorisation d'exercice d'une activité économique (commerciale, artisanale ou industrielle)",
      'رخصة مزاولة نشاط اقتصادي (تجاري أو حرفي أو صناعي)',
      'Authorisation to carry on an economic activity',
    ),
    summary: t(
      "Autorisation délivrée par le président du conseil communal pour ouvrir un commerce, un atelier ou un établissement dans un local, après avis de la commission (hygiène, protection civile, autorité locale) lorsque l'activité le requiert.",
      'رخصة يسلمها رئيس المجلس الجماعي لفتح محل تجاري أو ورشة أو مؤسسة، بعد رأي اللجنة (حفظ الصحة، الوقاية المدنية، السلطة المحلية) عندما يتطلب النشاط ذلك.',
      'Authorisation from the president of the commune council to open a shop, workshop or establishment, after the opinion of the joint committee when the activity requires it.',
    ),
    audiences: ['citizens', 'companies', 'mre'],
    categories: ['economic'],
    lifeEvents: ['start_business', 'run_business'],
    competence: [communeEconomic],
    channels: [rokhasChannel, counterChannel],
    documents: [
      doc(
        'application',
        t("Demande d'autorisation précisant l'activité et l'adresse du local", 'طلب الرخصة يحدد النشاط وعنوان المحل'),
        'original',
        1,
        {
          legal: { ref: 'lo-113-14' },
          editorNote:
            'Pièce exigée par la commune au titre des pouvoirs de police administrative de son président (loi organique 113-14) et publiée dans son recueil (loi 55.19) : texte exact et article à vérifier sur le texte officiel.',
        },
      ),
      {
        ...idCard,
        legal: { ref: 'lo-113-14' },
        editorNote:
          'Pièce exigée par la commune au titre des pouvoirs de police administrative de son président (loi organique 113-14) et publiée dans son recueil (loi 55.19) : texte exact et article à vérifier sur le texte officiel.',
      },
      {
        ...premisesTitle,
        legal: { ref: 'lo-113-14' },
        editorNote:
          'Pièce exigée par la commune au titre des pouvoirs de police administrative de son président (loi organique 113-14) et publiée dans son recueil (loi 55.19) : texte exact et article à vérifier sur le texte officiel.',
      },
      doc(
        'conformity',
        t(
          "Copie du permis d'habiter ou du certificat de conformité du local",
          'نسخة من رخصة السكن أو شهادة المطابقة الخاصة بالمحل',
        ),
        'copy',
        1,
        {
          optional: true,
          condition: t('Lorsque la commune l’exige pour ce type de local', 'عندما تشترطه الجماعة بالنسبة لهذا النوع من المحلات'),
          legal: { ref: 'lo-113-14' },
          editorNote:
            'Pièce exigée par la commune au titre des pouvoirs de police administrative de son président (loi organique 113-14) et publiée dans son recueil (loi 55.19) : texte exact et article à vérifier sur le texte officiel.',
        },
      ),
      doc('plan', t('Plan ou croquis du local', 'تصميم أو رسم بياني للمحل'), 'copy', 1, {
        optional: true,
        condition: t('Établissements classés (1re et 2e catégorie)', 'المؤسسات المصنفة (الصنف الأول والثاني)'),
        legal: { ref: 'dahir-1914-ecid' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      }),
      doc(
        'qualification',
        t(
          'Diplôme, agrément ou autorisation sectorielle exigé pour l’activité réglementée',
          'الشهادة أو الاعتماد أو الرخصة القطاعية المطلوبة للنشاط المنظم',
        ),
        'copy',
        1,
        {
          optional: true,
          condition: t('Activité réglementée (pharmacie, auto-école, etc.)', 'نشاط منظم (صيدلية، مدرسة تعليم السياقة، إلخ)'),
          legal: { ref: 'lo-113-14' },
          editorNote:
            'Pièce exigée par la commune au titre des pouvoirs de police administrative de son président (loi organique 113-14) et publiée dans son recueil (loi 55.19) : texte exact et article à vérifier sur le texte officiel.',
        },
      ),
      {
        ...companyDocs,
        legal: { ref: 'lo-113-14' },
        editorNote:
          'Pièce exigée par la commune au titre des pouvoirs de police administrative de son président (loi organique 113-14) et publiée dans son recueil (loi 55.19) : texte exact et article à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      t(
        "Les établissements insalubres, incommodes ou dangereux de 1re et 2e catégorie sont autorisés après enquête de commodo et incommodo ; ceux de 3e catégorie font l'objet d'une déclaration.",
        'المحلات المضرة بالصحة أو المزعجة أو الخطيرة من الصنف الأول والثاني يرخص لها بعد بحث المنافع والمضار، أما الصنف الثالث فيخضع للتصريح.',
      ),
      t(
        "L'exploitant doit ensuite se faire enregistrer à la taxe professionnelle et, s'il est commerçant, au registre de commerce.",
        'يجب على المستغل بعد ذلك التسجيل في الرسم المهني، وفي السجل التجاري إذا كان تاجرا.',
      ),
    ],
    fees: [
      {
        key: 'fee',
        label: t(
          "Pas de droit prévu par la loi pour l'autorisation elle-même ; les taxes locales (taxe professionnelle, taxe de services communaux) restent dues",
          'لا يوجد رسم ينص عليه القانون مقابل الرخصة نفسها، مع بقاء الرسوم المحلية (الرسم المهني، رسم الخدمات الجماعية) مستحقة',
        ),
        amountMad: 0,
        legal: { ref: 'loi-47-06' },
        editorNote:
          'Absence de droit pour l’autorisation constatée à la source consultée : à vérifier dans la loi 47-06, la loi 39-07 et l’arrêté fiscal de la commune ; article à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      legalDays: 60,
      legalUnit: 'calendar_days',
      usual: t(
        'En général 1 à 3 semaines pour une activité non classée ; plus lorsqu’une enquête de commodo et incommodo est nécessaire.',
        'عادة من أسبوع إلى ثلاثة أسابيع بالنسبة لنشاط غير مصنف، وأكثر عند ضرورة إجراء بحث المنافع والمضار.',
      ),
      legal: { ref: 'loi-55-19' },
      editorNote:
        "legalDays = plafond général de la loi 55.19 (60 jours ; 30 jours pour les actes liés à l'investissement), non un délai propre à la procédure : article à vérifier sur le texte officiel ; reporter le délai publié par l'administration sur le portail national s'il est plus court.",
    },
    legalBasis: [lo11314, dahir1914, loi5519, loi4706],
    steps: [
      step('Déposer la demande sur Rokhas ou au guichet de la commune', 'إيداع الطلب على منصة "رخص" أو بشباك الجماعة'),
      step(
        'Visite du local par la commission mixte (hygiène, protection civile, autorité locale) si l’activité l’exige',
        'معاينة المحل من طرف اللجنة المختلطة (حفظ الصحة، الوقاية المدنية، السلطة المحلية) إذا تطلب النشاط ذلك',
      ),
      step('Enquête de commodo et incommodo pour les établissements classés', 'بحث المنافع والمضار بالنسبة للمؤسسات المصنفة'),
      step(
        "Signature de l'arrêté d'autorisation par le président du conseil communal et retrait",
        'توقيع قرار الترخيص من طرف رئيس المجلس الجماعي وسحبه',
      ),
    ],
    forms: [
      { name: t('Demande en ligne (Rokhas, activités économiques)', 'الطلب الإلكتروني (رخص، الأنشطة الاقتصادية)'), url: ROKHAS },
    ],
    keywords: {
      fr: [
        "autorisation d'exercice",
        'autorisation commerce',
        'ouvrir un magasin',
        'ouvrir une boutique',
        'licence commerciale',
        'autorisation commune activité',
        'commodo incommodo',
      ],
      ar: [
        'رخصة مزاولة نشاط',
        'رخصة مزاوله نشاط تجاري',
        'رخصة فتح محل',
        'رخصة تجارية',
        'رخصة الاستغلال',
        'فتح محل تجاري',
        'رخصة الجماعة',
      ],
      darija: [
        'rokhsa dyal lhanout',
        'rokhsa nfte7 hanout',
        'rokhsat tijara',
        'rokhsa dial l7anout',
        'nhel hanout',
        'rokhsa commune',
      ],
    },
    related: [
      'autorisation-cafe-restaurant',
      'occupation-temporaire-domaine-public-communal',
      'autorisation-enseigne-publicitaire',
      'certificat-de-conformite',
    ],
    source: 'https://www.idarati.ma ; https://www.rokhas.ma',
  },
  {
    slug: 'autorisation-cafe-restaurant',
    owner: 'MIN-INTERIEUR',
    title: t(
      "Autorisation d'ouverture d'un café, d'un restaurant ou d'un snack",
      'رخصة فتح مقهى أو مطعم أو محل للوجبات الخفيفة',
      'Licence to open a café or restaurant',
    ),
    summary: t(
      "Autorisation du président du conseil communal pour exploiter un café, un restaurant ou un snack, après visite de la commission mixte (bureau d'hygiène, protection civile, autorité locale).",
      'رخصة من رئيس المجلس الجماعي لاستغلال مقهى أو مطعم أو محل للوجبات الخفيفة، بعد معاينة اللجنة المختلطة (مكتب حفظ الصحة، الوقاية المدنية، السلطة المحلية).',
      'Authorisation from the president of the commune council to run a café, restaurant or snack bar, after inspection by the joint committee.',
    ),
    audiences: ['citizens', 'companies', 'mre'],
    categories: ['economic'],
    lifeEvents: ['start_business'],
    competence: [communeEconomic],
    channels: [rokhasChannel, counterChannel],
    documents: [
      doc('application', t("Demande d'autorisation d'ouverture", 'طلب رخصة الفتح'), 'original', 1, {
        legal: { ref: 'lo-113-14' },
        editorNote:
          'Pièce exigée par la commune au titre des pouvoirs de police administrative de son président (loi organique 113-14) et publiée dans son recueil (loi 55.19) : texte exact et article à vérifier sur le texte officiel.',
      }),
      {
        ...idCard,
        legal: { ref: 'lo-113-14' },
        editorNote:
          'Pièce exigée par la commune au titre des pouvoirs de police administrative de son président (loi organique 113-14) et publiée dans son recueil (loi 55.19) : texte exact et article à vérifier sur le texte officiel.',
      },
      {
        ...premisesTitle,
        legal: { ref: 'lo-113-14' },
        editorNote:
          'Pièce exigée par la commune au titre des pouvoirs de police administrative de son président (loi organique 113-14) et publiée dans son recueil (loi 55.19) : texte exact et article à vérifier sur le texte officiel.',
      },
      doc(
        'conformity',
        t(
          "Copie du certificat de conformité ou du permis d'habiter du local",
          'نسخة من شهادة المطابقة أو رخصة السكن الخاصة بالمحل',
        ),
        'copy',
        1,
        {
          legal: { ref: 'lo-113-14' },
          editorNote:
            'Pièce exigée par la commune au titre des pouvoirs de police administrative de son président (loi organique 113-14) et publiée dans son recueil (loi 55.19) : texte exact et article à vérifier sur le texte officiel.',
        },
      ),
      doc(
        'plan',
        t("Plan du local indiquant la cuisine, les sanitaires et l'aération", 'تصميم المحل يبين المطبخ والمرافق الصحية والتهوية'),
        'copy',
        1,
        {
          legal: { ref: 'lo-113-14' },
          editorNote:
            'Pièce exigée par la commune au titre des pouvoirs de police administrative de son président (loi organique 113-14) et publiée dans son recueil (loi 55.19) : texte exact et article à vérifier sur le texte officiel.',
        },
      ),
      doc(
        'medical',
        t(
          'Certificats médicaux du personnel manipulant les aliments',
          'الشواهد الطبية للمستخدمين الذين يتعاملون مع المواد الغذائية',
        ),
        'original',
        1,
        {
          issuer: t("Bureau municipal d'hygiène ou médecin", 'المكتب الجماعي لحفظ الصحة أو طبيب'),
          legal: { ref: 'lo-113-14' },
          editorNote:
            'Pièce exigée par la commune au titre des pouvoirs de police administrative de son président (loi organique 113-14) et publiée dans son recueil (loi 55.19) : texte exact et article à vérifier sur le texte officiel.',
        },
      ),
      {
        ...companyDocs,
        legal: { ref: 'lo-113-14' },
        editorNote:
          'Pièce exigée par la commune au titre des pouvoirs de police administrative de son président (loi organique 113-14) et publiée dans son recueil (loi 55.19) : texte exact et article à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      t(
        "Le local doit répondre aux règles d'hygiène (eau potable, évacuation, aération, sanitaires) et de sécurité contre l'incendie.",
        'يجب أن يستجيب المحل لقواعد حفظ الصحة (الماء الصالح للشرب، التصريف، التهوية، المرافق الصحية) وقواعد السلامة من الحريق.',
      ),
      t(
        "L'installation d'une terrasse sur le trottoir nécessite une autorisation d'occupation temporaire du domaine public communal.",
        'يتطلب وضع كراسي وطاولات على الرصيف رخصة الاحتلال المؤقت للملك العام الجماعي.',
      ),
      t(
        "L'exploitant est redevable de la taxe sur les débits de boissons (pourcentage des recettes hors taxes fixé par l'arrêté fiscal communal).",
        'يخضع المستغل للرسم على محال بيع المشروبات (نسبة من المداخيل دون احتساب الرسوم يحددها القرار الجبائي للجماعة).',
      ),
    ],
    fees: [
      {
        key: 'fee',
        label: t(
          "Pas de droit prévu par la loi pour l'autorisation elle-même",
          'لا يوجد رسم ينص عليه القانون مقابل الرخصة نفسها',
        ),
        amountMad: 0,
        legal: { ref: 'loi-47-06' },
        editorNote:
          'Absence de droit pour l’autorisation constatée à la source consultée : à vérifier dans la loi 47-06, la loi 39-07 et l’arrêté fiscal de la commune ; article à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      legalDays: 60,
      legalUnit: 'calendar_days',
      usual: t(
        'En général 2 à 4 semaines, selon la date de passage de la commission.',
        'عادة من أسبوعين إلى أربعة أسابيع حسب تاريخ مرور اللجنة.',
      ),
      legal: { ref: 'loi-55-19' },
      editorNote:
        "legalDays = plafond général de la loi 55.19 (60 jours ; 30 jours pour les actes liés à l'investissement), non un délai propre à la procédure : article à vérifier sur le texte officiel ; reporter le délai publié par l'administration sur le portail national s'il est plus court.",
    },
    legalBasis: [lo11314, dahir1914, loi4706, loi5519],
    steps: [
      step('Déposer la demande sur Rokhas ou au guichet de la commune', 'إيداع الطلب على منصة "رخص" أو بشباك الجماعة'),
      step('Visite de la commission mixte', 'معاينة اللجنة المختلطة'),
      step(
        'Lever les éventuelles réserves (travaux d’hygiène ou de sécurité)',
        'رفع الملاحظات المحتملة (أشغال حفظ الصحة أو السلامة)',
      ),
      step("Retirer l'arrêté d'autorisation", 'سحب قرار الترخيص'),
    ],
    keywords: {
      fr: [
        'café',
        'restaurant',
        'snack',
        'ouvrir un café',
        'ouvrir un restaurant',
        'autorisation café',
        'licence restaurant',
        'fast food',
      ],
      ar: ['رخصة مقهى', 'رخصة مطعم', 'فتح مقهى', 'فتح مطعم', 'مقهى', 'مطعم', 'محل الوجبات السريعة'],
      darija: ['rokhsat l9ahwa', 'rokhsa dyal l9ahwa', 'nfte7 9ahwa', 'rokhsa restaurant', 'rokhsat lmat3am', 'snack'],
    },
    related: [
      'autorisation-exercice-activite-economique',
      'occupation-temporaire-domaine-public-communal',
      'autorisation-enseigne-publicitaire',
    ],
    source: 'https://www.idarati.ma ; https://www.rokhas.ma',
  },
  {
    slug: 'occupation-temporaire-domaine-public-communal',
    owner: 'MIN-INTERIEUR',
    title: t(
      "Autorisation d'occupation temporaire du domaine public communal",
      'رخصة الاحتلال المؤقت للملك العام الجماعي',
      'Temporary occupation of the communal public domain',
    ),
    summary: t(
      "Autorisation précaire et révocable, accordée par le président du conseil communal, pour occuper une partie de la voie publique ou d'un espace communal (terrasse de café, étalage, kiosque, dépôt de matériaux de chantier) contre une redevance.",
      'رخصة مؤقتة وقابلة للإلغاء يمنحها رئيس المجلس الجماعي لاحتلال جزء من الطريق العمومية أو من فضاء جماعي (كراسي المقهى، عرض السلع، كشك، وضع مواد البناء) مقابل إتاوة.',
      'Revocable permit from the president of the commune council to occupy part of a public road or communal space (café terrace, display, kiosk, building materials) against a fee.',
    ),
    audiences: ['citizens', 'companies'],
    categories: ['public_land', 'economic'],
    lifeEvents: ['run_business', 'housing_building'],
    competence: [
      {
        orgType: 'commune',
        service: t(
          'Service du patrimoine / des affaires économiques de la commune',
          'مصلحة الممتلكات / الشؤون الاقتصادية بالجماعة',
          'Property or economic affairs department of the commune',
        ),
      },
    ],
    channels: [rokhasChannel, counterChannel],
    documents: [
      doc(
        'application',
        t(
          "Demande précisant l'emplacement, la surface (m²), l'usage et la durée",
          'طلب يحدد الموقع والمساحة (م²) والاستعمال والمدة',
        ),
        'original',
        1,
        {
          legal: { ref: 'loi-57-19' },
          editorNote:
            'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
        },
      ),
      {
        ...idCard,
        legal: { ref: 'loi-57-19' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      },
      doc('sketch', t("Croquis ou plan de l'emplacement demandé", 'رسم بياني أو تصميم للموقع المطلوب'), 'copy', 1, {
        legal: { ref: 'loi-57-19' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      }),
      doc(
        'activity-authorisation',
        t("Copie de l'autorisation d'exercice de l'activité (café, commerce)", 'نسخة من رخصة مزاولة النشاط (مقهى، محل تجاري)'),
        'copy',
        1,
        {
          optional: true,
          condition: t('Occupation liée à un commerce', 'احتلال مرتبط بمحل تجاري'),
          legal: { ref: 'loi-57-19' },
          editorNote:
            'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
        },
      ),
      doc(
        'building-permit',
        t('Copie du permis de construire ou de l’autorisation de travaux', 'نسخة من رخصة البناء أو رخصة الأشغال'),
        'copy',
        1,
        {
          optional: true,
          condition: t('Occupation pour un chantier', 'احتلال من أجل ورش بناء'),
          legal: { ref: 'loi-57-19' },
          editorNote:
            'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
        },
      ),
    ],
    conditions: [
      t(
        "L'autorisation est personnelle, temporaire et révocable à tout moment pour un motif d'intérêt général ; elle ne crée aucun droit de propriété ni fonds de commerce sur l'emplacement.",
        'الرخصة شخصية ومؤقتة وقابلة للإلغاء في أي وقت لسبب يتعلق بالمصلحة العامة، ولا تنشئ أي حق ملكية أو أصل تجاري على الموقع.',
      ),
      t(
        'Un passage suffisant doit être laissé aux piétons et aux personnes à mobilité réduite.',
        'يجب ترك ممر كاف للراجلين وللأشخاص في وضعية إعاقة.',
      ),
      t(
        'Une redevance est due, calculée au m² et à la période selon les tarifs fixés par la commune.',
        'تستحق إتاوة تحتسب عن كل متر مربع وعن كل فترة حسب التعريفة التي تحددها الجماعة.',
      ),
    ],
    fees: [],
    delay: {
      legalDays: 60,
      legalUnit: 'calendar_days',
      usual: t('En général 1 à 3 semaines.', 'عادة من أسبوع إلى ثلاثة أسابيع.'),
      legal: { ref: 'loi-55-19' },
      editorNote:
        "legalDays = plafond général de la loi 55.19 (60 jours ; 30 jours pour les actes liés à l'investissement), non un délai propre à la procédure : article à vérifier sur le texte officiel ; reporter le délai publié par l'administration sur le portail national s'il est plus court.",
    },
    legalBasis: [lo11314, loi5719, loi3907, loi5519],
    steps: [
      step('Déposer la demande', 'إيداع الطلب'),
      step("Visite de l'emplacement par les services communaux", 'معاينة الموقع من طرف المصالح الجماعية'),
      step(
        "Signature de l'arrêté d'occupation et paiement de la redevance à la régie de la commune",
        'توقيع قرار الاحتلال وأداء الإتاوة لدى وكالة مداخيل الجماعة',
      ),
      step("Renouveler l'autorisation ou la redevance à l'échéance", 'تجديد الرخصة أو أداء الإتاوة عند حلول الأجل'),
    ],
    keywords: {
      fr: [
        'occupation domaine public',
        'occupation temporaire',
        'terrasse café',
        'trottoir',
        'étalage',
        'kiosque',
        'ODP',
        'voie publique',
      ],
      ar: ['الاحتلال المؤقت للملك العام', 'احتلال الملك العمومي', 'الملك العام الجماعي', 'استغلال الرصيف', 'رخصة الرصيف', 'كشك'],
      darija: ['rokhsa dyal trotoir', 'ihtilal lmilk l3am', 'terrasse', 'l9ahwa f trotoir', 'kiosk'],
    },
    related: ['autorisation-cafe-restaurant', 'autorisation-exercice-activite-economique', 'autorisation-enseigne-publicitaire'],
    source: 'https://www.idarati.ma',
  },
  {
    slug: 'autorisation-enseigne-publicitaire',
    owner: 'MIN-INTERIEUR',
    title: t(
      "Autorisation d'installation d'une enseigne ou d'un panneau publicitaire",
      'رخصة وضع لوحة إشهارية أو لافتة تجارية',
      'Authorisation for a shop sign or advertising board',
    ),
    summary: t(
      'Autorisation du président du conseil communal pour installer une enseigne commerciale, une plaque ou un panneau publicitaire visible de la voie publique.',
      'رخصة من رئيس المجلس الجماعي لوضع لافتة تجارية أو لوحة أو لوحة إشهارية مرئية من الطريق العمومية.',
      'Authorisation from the president of the commune council to put up a shop sign or advertising board visible from the public road.',
    ),
    audiences: ['companies', 'citizens'],
    categories: ['economic', 'public_land'],
    lifeEvents: ['start_business', 'run_business'],
    competence: [communeEconomic],
    channels: [rokhasChannel, counterChannel],
    documents: [
      doc('application', t('Demande d’autorisation', 'طلب الرخصة'), 'original', 1, {
        legal: { ref: 'lo-113-14' },
        editorNote:
          'Pièce exigée par la commune au titre des pouvoirs de police administrative de son président (loi organique 113-14) et publiée dans son recueil (loi 55.19) : texte exact et article à vérifier sur le texte officiel.',
      }),
      doc(
        'mockup',
        t(
          "Maquette de l'enseigne (dimensions, texte, matériaux, éclairage) et photo de la façade",
          'نموذج اللافتة (الأبعاد، النص، المواد، الإنارة) وصورة الواجهة',
        ),
        'copy',
        1,
        {
          legal: { ref: 'lo-113-14' },
          editorNote:
            'Pièce exigée par la commune au titre des pouvoirs de police administrative de son président (loi organique 113-14) et publiée dans son recueil (loi 55.19) : texte exact et article à vérifier sur le texte officiel.',
        },
      ),
      doc(
        'activity-authorisation',
        t("Copie de l'autorisation d'exercice de l'activité", 'نسخة من رخصة مزاولة النشاط'),
        'copy',
        1,
        {
          legal: { ref: 'lo-113-14' },
          editorNote:
            'Pièce exigée par la commune au titre des pouvoirs de police administrative de son président (loi organique 113-14) et publiée dans son recueil (loi 55.19) : texte exact et article à vérifier sur le texte officiel.',
        },
      ),
      doc(
        'owner-consent',
        t("Accord du propriétaire ou du syndic de l'immeuble", 'موافقة المالك أو وكيل اتحاد الملاك'),
        'original',
        1,
        {
          optional: true,
          condition: t('Enseigne sur un immeuble en copropriété ou loué', 'لافتة على عمارة في ملكية مشتركة أو مكتراة'),
          legal: { ref: 'lo-113-14' },
          editorNote:
            'Pièce exigée par la commune au titre des pouvoirs de police administrative de son président (loi organique 113-14) et publiée dans son recueil (loi 55.19) : texte exact et article à vérifier sur le texte officiel.',
        },
      ),
      {
        ...idCard,
        legal: { ref: 'lo-113-14' },
        editorNote:
          'Pièce exigée par la commune au titre des pouvoirs de police administrative de son président (loi organique 113-14) et publiée dans son recueil (loi 55.19) : texte exact et article à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      t(
        "Les textes de l'enseigne doivent respecter les règles locales (notamment la présence de l'arabe) et le règlement de voirie de la commune.",
        'يجب أن تحترم كتابة اللافتة الضوابط المحلية (لا سيما استعمال اللغة العربية) وضابط الطرق بالجماعة.',
      ),
      t(
        'Une taxe ou redevance sur la publicité est due selon l’arrêté fiscal de la commune (au m² et par an).',
        'يستحق رسم أو إتاوة على الإشهار حسب القرار الجبائي للجماعة (عن كل متر مربع وعن كل سنة).',
      ),
    ],
    fees: [],
    delay: {
      legalDays: 60,
      legalUnit: 'calendar_days',
      usual: t('En général 1 à 2 semaines.', 'عادة من أسبوع إلى أسبوعين.'),
      legal: { ref: 'loi-55-19' },
      editorNote:
        "legalDays = plafond général de la loi 55.19 (60 jours ; 30 jours pour les actes liés à l'investissement), non un délai propre à la procédure : article à vérifier sur le texte officiel ; reporter le délai publié par l'administration sur le portail national s'il est plus court.",
    },
    legalBasis: [lo11314, loi3907, loi5519],
    steps: [
      step('Déposer la demande avec la maquette', 'إيداع الطلب مع النموذج'),
      step('Examen par les services techniques de la commune', 'دراسة الطلب من طرف المصالح التقنية للجماعة'),
      step("Paiement de la taxe et retrait de l'autorisation", 'أداء الرسم وسحب الرخصة'),
    ],
    keywords: {
      fr: ['enseigne', 'panneau publicitaire', 'publicité', 'plaque', 'enseigne lumineuse', 'affichage'],
      ar: ['لوحة إشهارية', 'لوحه اشهاريه', 'لافتة تجارية', 'الإشهار', 'رخصة الإشهار', 'اللوحة التجارية'],
      darija: ['lplaka', 'panneau', 'lafita', 'rokhsat ichhar', 'enseigne dyal lhanout'],
    },
    related: ['autorisation-exercice-activite-economique', 'occupation-temporaire-domaine-public-communal'],
    source: 'https://www.idarati.ma',
  },
];
