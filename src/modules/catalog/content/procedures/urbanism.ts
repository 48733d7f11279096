import type { LegalText, ProcedureSource, RequiredDocument, Step, T } from '../types';

/** Batch B — urbanism and construction (permits issued by the commune through the urbanism one-stop shop and www.rokhas.ma). */

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

const loi1290: LegalText = {
  id: 'loi-12-90',
  title: t(
    "Loi n° 12-90 relative à l'urbanisme, telle que modifiée et complétée notamment par la loi n° 66-12",
    'القانون رقم 12.90 المتعلق بالتعمير، كما وقع تغييره وتتميمه لا سيما بالقانون رقم 66.12',
    'Law No. 12-90 on urban planning',
  ),
  reference: 'Dahir n° 1-92-31 du 15 hija 1412 (17 juin 1992)',
  bulletin: 'BO n° 4159 du 15 juillet 1992',
};
const loi2590: LegalText = {
  id: 'loi-25-90',
  title: t(
    'Loi n° 25-90 relative aux lotissements, groupes d’habitations et morcellements',
    'القانون رقم 25.90 المتعلق بالتجزئات العقارية والمجموعات السكنية وتقسيم العقارات',
    'Law No. 25-90 on subdivisions, housing groups and land divisions',
  ),
  reference: 'Dahir n° 1-92-7 du 15 hija 1412 (17 juin 1992)',
  bulletin: 'BO n° 4159 du 15 juillet 1992',
};
const rgc: LegalText = {
  id: 'decret-2-18-475',
  title: t(
    'Décret n° 2-18-475 du 8 chaoual 1440 (12 juin 2019) approuvant le règlement général de construction fixant la forme et les conditions de délivrance des autorisations et des pièces exigibles en application de la législation relative à l’urbanisme et aux lotissements',
    'المرسوم رقم 2.18.475 الصادر في 8 شوال 1440 (12 يونيو 2019) بالموافقة على ضابط البناء العام المحدد لشكل وشروط تسليم الرخص والوثائق المقررة بموجب النصوص التشريعية المتعلقة بالتعمير والتجزئات العقارية والمجموعات السكنية وتقسيم العقارات',
    'Decree No. 2-18-475 of 12 June 2019 approving the general building regulation (forms and conditions of urbanism authorisations)',
  ),
};
const loi6612: LegalText = {
  id: 'loi-66-12',
  title: t(
    "Loi n° 66-12 relative au contrôle et à la répression des infractions en matière d'urbanisme et de construction",
    'القانون رقم 66.12 المتعلق بمراقبة وزجر المخالفات في مجال التعمير والبناء',
    'Law No. 66-12 on the control and punishment of urban planning and building offences',
  ),
  reference: 'Dahir n° 1-16-124 du 21 kaada 1437 (25 août 2016)',
};
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
const loi4706: LegalText = {
  id: 'loi-47-06',
  title: t(
    'Loi n° 47-06 relative à la fiscalité des collectivités locales, telle que modifiée et complétée (notamment par la loi n° 07-20)',
    'القانون رقم 47.06 المتعلق بجبايات الجماعات المحلية، كما وقع تغييره وتتميمه (لا سيما بالقانون رقم 07.20)',
    'Law No. 47-06 on local government taxation',
  ),
  reference: 'Dahir n° 1-07-195 du 19 kaada 1428 (30 novembre 2007)',
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
const agencesUrbaines: LegalText = {
  id: 'dahir-1-93-51',
  title: t(
    'Dahir portant loi n° 1-93-51 du 22 rabii I 1414 (10 septembre 1993) instituant les agences urbaines',
    'الظهير الشريف بمثابة قانون رقم 1.93.51 الصادر في 22 من ربيع الأول 1414 (10 سبتمبر 1993) المحدثة بموجبه الوكالات الحضرية',
    'Dahir-law No. 1-93-51 of 10 September 1993 establishing the urban agencies',
  ),
};

const communeUrbanism = {
  orgType: 'commune',
  service: t(
    "Guichet unique de l'urbanisme de la commune (président du conseil communal)",
    'الشباك الوحيد للتعمير بالجماعة (رئيس المجلس الجماعي)',
    'Urbanism one-stop shop of the commune',
  ),
};
const rokhasChannel = {
  kind: 'online' as const,
  where: t(
    'Plateforme nationale des autorisations d’urbanisme Rokhas (dépôt par l’architecte ou le demandeur)',
    'المنصة الوطنية لرخص التعمير "رخص" (الإيداع من طرف المهندس المعماري أو صاحب الطلب)',
  ),
  url: ROKHAS,
};
const counterChannel = {
  kind: 'counter' as const,
  where: t(
    'Guichet unique de l’urbanisme de la commune où se situe le terrain',
    'الشباك الوحيد للتعمير بالجماعة التي يوجد بها العقار',
  ),
};

const propertyCertificate = (copies = 1): RequiredDocument =>
  doc(
    'property-certificate',
    t(
      'Certificat de propriété (titre foncier) de moins de trois mois, ou acte de propriété pour un terrain non immatriculé',
      'شهادة الملكية (الرسم العقاري) لا يتعدى تاريخها ثلاثة أشهر، أو عقد الملكية بالنسبة للعقار غير المحفظ',
    ),
    'original',
    copies,
    {
      issuer: t(
        'Conservation foncière (Agence nationale de la conservation foncière, du cadastre et de la cartographie)',
        'المحافظة العقارية (الوكالة الوطنية للمحافظة العقارية والمسح العقاري والخرائطية)',
      ),
      legal: { ref: 'decret-2-18-475' },
      editorNote:
        'Pièce exigible au titre du règlement général de construction (décret 2-18-475) : article et annexe à vérifier sur le texte officiel.',
    },
  );
const idCard: RequiredDocument = doc(
  'cnie',
  t(
    "Copie de la carte nationale d'identité électronique du demandeur (ou statuts et pouvoir du représentant pour une société)",
    'نسخة من البطاقة الوطنية للتعريف الإلكترونية لصاحب الطلب (أو النظام الأساسي وسند تفويض الممثل بالنسبة للشركة)',
  ),
  'copy',
  1,
);

export const urbanism: ProcedureSource[] = [
  {
    slug: 'permis-de-construire',
    owner: 'MIN-AMENAGEMENT',
    title: t('Permis de construire (autorisation de construire)', 'رخصة البناء', 'Building permit'),
    summary: t(
      "Autorisation délivrée par le président du conseil communal, après avis de l'agence urbaine et des services concernés, avant toute construction nouvelle, surélévation ou modification d'une construction existante.",
      'رخصة يسلمها رئيس المجلس الجماعي، بعد رأي الوكالة الحضرية والمصالح المعنية، قبل الشروع في أي بناء جديد أو تعلية أو تغيير في بناء قائم.',
      'Authorisation issued by the president of the commune council, after the opinion of the urban agency, before any new construction, extension or alteration of an existing building.',
    ),
    audiences: ['citizens', 'companies', 'mre'],
    categories: ['urbanism'],
    lifeEvents: ['housing_building'],
    competence: [communeUrbanism],
    channels: [rokhasChannel, counterChannel],
    documents: [
      doc('application', t('Demande de permis de construire signée', 'طلب رخصة البناء موقع'), 'original', 1, {
        description: t(
          'Saisie sur la plateforme Rokhas par l’architecte mandaté.',
          'يتم ملؤه على منصة "رخص" من طرف المهندس المعماري المكلف.',
        ),
        legal: { ref: 'decret-2-18-475' },
        editorNote: 'Article à vérifier sur le texte officiel.',
      }),
      propertyCertificate(),
      doc(
        'architect-plans',
        t(
          'Plans architecturaux (situation, masse, niveaux, façades, coupes) établis et signés par un architecte',
          'التصاميم المعمارية (تصميم الموقع، الكتلة، الطوابق، الواجهات، المقاطع) معدة وموقعة من طرف مهندس معماري',
        ),
        'electronic',
        1,
        {
          issuer: t(
            'Architecte inscrit à l’Ordre national des architectes',
            'مهندس معماري مسجل بالهيئة الوطنية للمهندسين المعماريين',
          ),
          legal: { ref: 'loi-12-90', article: 'art. 50' },
        },
      ),
      doc('topographic-plan', t('Plan topographique du terrain', 'التصميم الطبوغرافي للعقار'), 'electronic', 1, {
        issuer: t('Ingénieur géomètre-topographe', 'مهندس مساح طبوغرافي'),
        legal: { ref: 'decret-2-18-475' },
        editorNote:
          'Pièce exigible au titre du règlement général de construction (décret 2-18-475) : article et annexe à vérifier sur le texte officiel.',
      }),
      doc(
        'structure-study',
        t('Plans et étude de béton armé (structure)', 'تصاميم ودراسة الخرسانة المسلحة (الهيكل)'),
        'electronic',
        1,
        {
          issuer: t('Ingénieur spécialisé (bureau d’études)', 'مهندس مختص (مكتب الدراسات)'),
          optional: true,
          condition: t('Selon la nature et l’importance du projet', 'حسب طبيعة وأهمية المشروع'),
          legal: { ref: 'decret-2-18-475' },
          editorNote:
            'Pièce exigible au titre du règlement général de construction (décret 2-18-475) : article et annexe à vérifier sur le texte officiel.',
        },
      ),
      doc('architect-contract', t("Contrat ou mandat de l'architecte", 'عقد أو تكليف المهندس المعماري'), 'copy', 1, {
        legal: { ref: 'decret-2-18-475' },
        editorNote:
          'Pièce exigible au titre du règlement général de construction (décret 2-18-475) : article et annexe à vérifier sur le texte officiel.',
      }),
      {
        ...idCard,
        legal: { ref: 'decret-2-18-475' },
        editorNote:
          'Pièce exigible au titre du règlement général de construction (décret 2-18-475) : article et annexe à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      t(
        "Le projet doit respecter le document d'urbanisme applicable (plan d'aménagement, plan de développement) et le règlement général de construction.",
        'يجب أن يحترم المشروع وثيقة التعمير المطبقة (تصميم التهيئة أو تصميم النمو) وضابط البناء العام.',
      ),
      t(
        'Le recours à un architecte est obligatoire, sauf dans les cas de dispense prévus par la loi (notamment certaines constructions rurales).',
        'اللجوء إلى مهندس معماري إلزامي، باستثناء حالات الإعفاء المنصوص عليها في القانون (خاصة بعض البنايات القروية).',
      ),
      t(
        'Les travaux doivent commencer dans un délai d’un an à compter de la délivrance du permis, faute de quoi il devient caduc.',
        'يجب الشروع في الأشغال داخل أجل سنة من تاريخ تسليم الرخصة وإلا أصبحت لاغية.',
      ),
    ],
    fees: [
      {
        key: 'construction-tax',
        label: t(
          'Taxe sur les opérations de construction : tarif par m² couvert fixé par l’arrêté fiscal de la commune (par exemple 20 à 30 MAD/m² pour une habitation individuelle, 10 à 20 MAD/m² pour l’habitat collectif)',
          'الرسم على عمليات البناء: تعريفة عن كل متر مربع مغطى يحددها القرار الجبائي للجماعة (مثلا من 20 إلى 30 درهما للمتر المربع بالنسبة للسكن الفردي ومن 10 إلى 20 درهما للسكن الجماعي)',
        ),
        kind: 'variable',
        basis: t(
          'Par m² couvert, selon le tarif de l’arrêté fiscal de la commune',
          'عن كل متر مربع مغطى، حسب تعريفة القرار الجبائي للجماعة',
        ),
        editorNote:
          'Fourchettes 20–30 et 10–20 MAD/m² reprises de la loi 47-06 sans vérification hors ligne du texte en vigueur (modifié par la loi 07-20) : à vérifier avant de les donner comme montants.',
        payment: t(
          'À la régie de recettes de la commune ou en ligne sur Rokhas, avant la délivrance du permis',
          'لدى وكالة المداخيل بالجماعة أو عبر منصة "رخص"، قبل تسليم الرخصة',
        ),
        legal: { ref: 'loi-47-06' },
      },
    ],
    delay: {
      legalDays: 60,
      legalUnit: 'calendar_days',
      usual: t(
        'En général 2 à 4 semaines pour les petits projets via Rokhas ; plus pour les grands projets examinés en commission.',
        'عادة من أسبوعين إلى أربعة أسابيع بالنسبة للمشاريع الصغرى عبر "رخص"، وأكثر بالنسبة للمشاريع الكبرى التي تدرسها اللجنة.',
      ),
      legal: { ref: 'loi-12-90', article: 'art. 48' },
    },
    legalBasis: [loi1290, rgc, lo11314, loi4706, loi6612],
    steps: [
      step(
        'Mandater un architecte et constituer le dossier',
        'تكليف مهندس معماري وإعداد الملف',
        "L'architecte prépare les plans et dépose la demande sur Rokhas.",
        'يعد المهندس المعماري التصاميم ويودع الطلب على منصة "رخص".',
      ),
      step(
        'Instruction par le guichet unique et la commission (agence urbaine, services techniques, protection civile selon le projet)',
        'دراسة الملف من طرف الشباك الوحيد واللجنة (الوكالة الحضرية، المصالح التقنية، الوقاية المدنية حسب المشروع)',
      ),
      step('Payer la taxe sur les opérations de construction', 'أداء الرسم على عمليات البناء'),
      step(
        'Recevoir le permis signé par le président du conseil communal',
        'تسلم الرخصة الموقعة من طرف رئيس المجلس الجماعي',
        'À défaut de réponse dans les deux mois suivant le dépôt, le permis est réputé accordé (art. 48 de la loi 12-90).',
        'في حالة عدم الرد داخل أجل شهرين من تاريخ الإيداع، تعتبر الرخصة مسلمة (المادة 48 من القانون 12.90).',
      ),
      step(
        'Afficher le panneau de chantier et tenir le carnet de chantier pendant les travaux',
        'تعليق لوحة الورش ومسك دفتر الورش طيلة مدة الأشغال',
      ),
    ],
    forms: [{ name: t('Formulaire de demande en ligne (Rokhas)', 'استمارة الطلب الإلكترونية (رخص)'), url: ROKHAS }],
    keywords: {
      fr: [
        'permis de construire',
        'autorisation de construire',
        'construction maison',
        'plan architecte',
        'rokhas',
        'surélévation',
        'construire un étage',
      ],
      ar: ['رخصة البناء', 'رخصه البناء', 'رخصة بناء', 'ترخيص البناء', 'الإذن بالبناء', 'بناء منزل', 'بناء طابق', 'رخص'],
      darija: ['rokhsa dyal lbni', 'rokhsat lbina', 'rokhsa lbni', 'permis lbni', 'nbni dar', 'rokhas'],
    },
    related: [
      'permis-habiter',
      'note-renseignements-urbanistiques',
      'autorisation-refection',
      'permis-de-demolir',
      'certificat-de-conformite',
    ],
    source: 'https://www.idarati.ma ; https://www.rokhas.ma',
  },
  {
    slug: 'permis-habiter',
    owner: 'MIN-AMENAGEMENT',
    title: t("Permis d'habiter", 'رخصة السكن', 'Occupancy permit (housing)'),
    summary: t(
      "Autorisation délivrée par le président du conseil communal, après l'achèvement des travaux, attestant qu'une construction à usage d'habitation est conforme au permis de construire et peut être occupée.",
      'رخصة يسلمها رئيس المجلس الجماعي بعد انتهاء الأشغال، تثبت أن البناية المعدة للسكن مطابقة لرخصة البناء ويمكن استعمالها.',
      'Issued by the president of the commune council once works are completed, certifying that a residential building complies with its building permit and may be occupied.',
    ),
    audiences: ['citizens', 'companies', 'mre'],
    categories: ['urbanism'],
    lifeEvents: ['housing_building'],
    competence: [communeUrbanism],
    channels: [rokhasChannel, counterChannel],
    documents: [
      doc('completion-declaration', t("Déclaration d'achèvement des travaux", 'التصريح بانتهاء الأشغال'), 'original', 1, {
        legal: { ref: 'loi-12-90', article: 'art. 55' },
      }),
      doc(
        'architect-certificate',
        t(
          "Certificat de conformité des travaux établi par l'architecte (attestation de fin de travaux)",
          'شهادة مطابقة الأشغال مسلمة من طرف المهندس المعماري (شهادة انتهاء الأشغال)',
        ),
        'original',
        1,
        {
          issuer: t("L'architecte du projet", 'المهندس المعماري للمشروع'),
          legal: { ref: 'decret-2-18-475' },
          editorNote: 'Article à vérifier sur le texte officiel.',
        },
      ),
      doc(
        'engineer-certificate',
        t("Attestation de l'ingénieur (bureau d'études) pour la structure", 'شهادة المهندس (مكتب الدراسات) بخصوص الهيكل'),
        'original',
        1,
        {
          optional: true,
          condition: t('Lorsque le projet a nécessité une étude de structure', 'إذا استلزم المشروع دراسة للهيكل'),
          legal: { ref: 'decret-2-18-475' },
          editorNote:
            'Pièce exigible au titre du règlement général de construction (décret 2-18-475) : article et annexe à vérifier sur le texte officiel.',
        },
      ),
      doc(
        'building-permit',
        t('Copie du permis de construire et des plans autorisés', 'نسخة من رخصة البناء والتصاميم المرخصة'),
        'copy',
        1,
        {
          legal: { ref: 'decret-2-18-475' },
          editorNote:
            'Pièce exigible au titre du règlement général de construction (décret 2-18-475) : article et annexe à vérifier sur le texte officiel.',
        },
      ),
      doc(
        'surveyor-certificate',
        t("Certificat d'implantation (positionnement) de la construction", 'شهادة التوطين (تموضع البناية)'),
        'original',
        1,
        {
          issuer: t('Ingénieur géomètre-topographe', 'مهندس مساح طبوغرافي'),
          legal: { ref: 'decret-2-18-475' },
          editorNote:
            'Pièce exigible au titre du règlement général de construction (décret 2-18-475) : article et annexe à vérifier sur le texte officiel.',
        },
      ),
      doc('site-logbook', t('Carnet de chantier', 'دفتر الورش'), 'copy', 1, {
        legal: { ref: 'loi-66-12' },
        editorNote: 'Article à vérifier sur le texte officiel.',
      }),
      {
        ...idCard,
        legal: { ref: 'decret-2-18-475' },
        editorNote:
          'Pièce exigible au titre du règlement général de construction (décret 2-18-475) : article et annexe à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      t(
        'Les travaux doivent être achevés et conformes au permis de construire et aux plans autorisés.',
        'يجب أن تكون الأشغال منتهية ومطابقة لرخصة البناء والتصاميم المرخصة.',
      ),
      t(
        "Le permis d'habiter est exigé pour le raccordement définitif aux réseaux d'eau et d'électricité et pour l'immatriculation des appartements (copropriété).",
        'تشترط رخصة السكن للربط النهائي بشبكات الماء والكهرباء ولتحفيظ الشقق (الملكية المشتركة).',
      ),
    ],
    fees: [
      {
        key: 'fee',
        label: t('Aucune taxe prévue par la loi pour la délivrance du permis', 'لا يوجد رسم ينص عليه القانون لتسليم الرخصة'),
        amountMad: 0,
        legal: { ref: 'loi-47-06' },
        editorNote:
          'Absence de taxe constatée à la source consultée : à vérifier dans la loi 47-06 (taxes locales) et l’arrêté fiscal de la commune ; article à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      legalDays: 30,
      legalUnit: 'calendar_days',
      usual: t(
        'En général 2 à 4 semaines après la visite de récolement.',
        'عادة من أسبوعين إلى أربعة أسابيع بعد زيارة المعاينة.',
      ),
      legal: { ref: 'loi-12-90', article: 'art. 55 à 58' },
    },
    legalBasis: [loi1290, rgc, loi6612, lo11314, loi4706],
    steps: [
      step('Déposer la déclaration d’achèvement des travaux sur Rokhas', 'إيداع التصريح بانتهاء الأشغال على منصة "رخص"'),
      step(
        'Visite de récolement par la commission (commune, agence urbaine, autorité locale, protection civile selon le cas)',
        'زيارة المعاينة من طرف اللجنة (الجماعة، الوكالة الحضرية، السلطة المحلية، الوقاية المدنية حسب الحالة)',
      ),
      step(
        "Délivrance du permis d'habiter par le président du conseil communal",
        'تسليم رخصة السكن من طرف رئيس المجلس الجماعي',
        "La loi 12-90 fixe à l'administration un délai d'un mois à compter de la déclaration d'achèvement des travaux.",
        'يحدد القانون 12.90 للإدارة أجل شهر ابتداء من تاريخ التصريح بانتهاء الأشغال.',
      ),
    ],
    forms: [{ name: t("Déclaration d'achèvement des travaux (Rokhas)", 'التصريح بانتهاء الأشغال (رخص)'), url: ROKHAS }],
    keywords: {
      fr: [
        "permis d'habiter",
        'permis habiter',
        'autorisation d’habiter',
        'fin de travaux',
        'achèvement des travaux',
        'compteur électricité nouvelle maison',
      ],
      ar: ['رخصة السكن', 'رخصه السكن', 'رخصة سكن', 'ترخيص السكن', 'انتهاء الأشغال', 'شهادة انتهاء الأشغال'],
      darija: ['rokhsat sokna', 'rokhsa dyal sokna', 'permis dhabiter', 'rokhsa skan', 'l permis d habiter'],
    },
    related: ['permis-de-construire', 'certificat-de-conformite'],
    source: 'https://www.idarati.ma ; https://www.rokhas.ma',
  },
  {
    slug: 'certificat-de-conformite',
    owner: 'MIN-AMENAGEMENT',
    title: t(
      'Certificat de conformité (constructions à usage autre que l’habitation)',
      'شهادة المطابقة (للبنايات المعدة لغير السكن)',
      'Certificate of conformity (non-residential buildings)',
    ),
    summary: t(
      "Pour un bâtiment commercial, industriel, administratif ou touristique, le certificat de conformité remplace le permis d'habiter : il atteste que les travaux achevés sont conformes au permis de construire.",
      'بالنسبة للبنايات التجارية أو الصناعية أو الإدارية أو السياحية، تحل شهادة المطابقة محل رخصة السكن، وتثبت أن الأشغال المنجزة مطابقة لرخصة البناء.',
      'For commercial, industrial, office or tourist buildings, the certificate of conformity replaces the occupancy permit and certifies that completed works comply with the building permit.',
    ),
    audiences: ['companies', 'citizens'],
    categories: ['urbanism'],
    lifeEvents: ['housing_building', 'run_business'],
    competence: [communeUrbanism],
    channels: [rokhasChannel, counterChannel],
    documents: [
      doc('completion-declaration', t("Déclaration d'achèvement des travaux", 'التصريح بانتهاء الأشغال'), 'original', 1, {
        legal: { ref: 'loi-12-90', article: 'art. 55' },
      }),
      doc(
        'architect-certificate',
        t("Certificat de conformité établi par l'architecte", 'شهادة المطابقة المعدة من طرف المهندس المعماري'),
        'original',
        1,
        {
          issuer: t("L'architecte du projet", 'المهندس المعماري للمشروع'),
          legal: { ref: 'decret-2-18-475' },
          editorNote:
            'Pièce exigible au titre du règlement général de construction (décret 2-18-475) : article et annexe à vérifier sur le texte officiel.',
        },
      ),
      doc(
        'fire-safety',
        t('Attestation de conformité aux règles de sécurité contre l’incendie', 'شهادة مطابقة قواعد السلامة من الحريق'),
        'original',
        1,
        {
          optional: true,
          condition: t(
            'Établissements recevant du public et bâtiments industriels',
            'المؤسسات المستقبلة للعموم والبنايات الصناعية',
          ),
          issuer: t('Bureau de contrôle ou Protection civile', 'مكتب المراقبة أو الوقاية المدنية'),
          legal: { ref: 'decret-2-18-475' },
          editorNote:
            'Pièce exigible au titre du règlement général de construction (décret 2-18-475) : article et annexe à vérifier sur le texte officiel.',
        },
      ),
      doc(
        'building-permit',
        t('Copie du permis de construire et des plans autorisés', 'نسخة من رخصة البناء والتصاميم المرخصة'),
        'copy',
        1,
        {
          legal: { ref: 'decret-2-18-475' },
          editorNote:
            'Pièce exigible au titre du règlement général de construction (décret 2-18-475) : article et annexe à vérifier sur le texte officiel.',
        },
      ),
      doc('site-logbook', t('Carnet de chantier', 'دفتر الورش'), 'copy', 1, {
        legal: { ref: 'loi-66-12' },
        editorNote: 'Article à vérifier sur le texte officiel.',
      }),
    ],
    conditions: [
      t(
        'Les travaux doivent être achevés et conformes au permis de construire.',
        'يجب أن تكون الأشغال منتهية ومطابقة لرخصة البناء.',
      ),
      t(
        'Le certificat est souvent exigé pour obtenir l’autorisation d’exercer une activité économique dans le local.',
        'غالبا ما تشترط الشهادة للحصول على رخصة مزاولة نشاط اقتصادي في المحل.',
      ),
    ],
    fees: [
      {
        key: 'fee',
        label: t('Aucune taxe prévue par la loi', 'لا يوجد رسم ينص عليه القانون'),
        amountMad: 0,
        legal: { ref: 'loi-47-06' },
        editorNote:
          'Absence de taxe constatée à la source consultée : à vérifier dans la loi 47-06 (taxes locales) et l’arrêté fiscal de la commune ; article à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      legalDays: 30,
      legalUnit: 'calendar_days',
      usual: t(
        'En général 2 à 4 semaines après la visite de la commission.',
        'عادة من أسبوعين إلى أربعة أسابيع بعد زيارة اللجنة.',
      ),
      legal: { ref: 'loi-12-90', article: 'art. 55 à 58' },
    },
    legalBasis: [loi1290, rgc, loi6612, loi4706],
    steps: [
      step('Déposer la déclaration d’achèvement sur Rokhas', 'إيداع التصريح بانتهاء الأشغال على منصة "رخص"'),
      step('Visite de récolement de la commission', 'زيارة المعاينة من طرف اللجنة'),
      step(
        'Délivrance du certificat de conformité par le président du conseil communal',
        'تسليم شهادة المطابقة من طرف رئيس المجلس الجماعي',
      ),
    ],
    keywords: {
      fr: ['certificat de conformité', 'conformité construction', 'local commercial', 'usine', 'fin de travaux'],
      ar: ['شهادة المطابقة', 'شهاده المطابقه', 'مطابقة البناء', 'شهادة مطابقة'],
      darija: ['chahadat lmotabaqa', 'certificat conformite', 'motabaqa'],
    },
    related: ['permis-habiter', 'permis-de-construire', 'autorisation-exercice-activite-economique'],
    source: 'https://www.idarati.ma ; https://www.rokhas.ma',
  },
  {
    slug: 'autorisation-de-lotir',
    owner: 'MIN-AMENAGEMENT',
    title: t('Autorisation de lotir (création d’un lotissement)', 'الإذن بإحداث تجزئة عقارية', 'Subdivision authorisation'),
    summary: t(
      "Autorisation préalable obligatoire pour diviser un terrain en lots destinés à la construction et y réaliser les voies et réseaux. Elle est délivrée par le président du conseil communal après avis conforme de l'agence urbaine.",
      'إذن مسبق وإجباري لتقسيم عقار إلى بقع معدة للبناء وإنجاز الطرق والشبكات بها، يسلمه رئيس المجلس الجماعي بعد الرأي الموافق للوكالة الحضرية.',
      'Mandatory prior authorisation to divide land into building plots and build roads and networks, issued by the president of the commune council after the binding opinion of the urban agency.',
    ),
    audiences: ['companies', 'citizens'],
    categories: ['urbanism'],
    lifeEvents: ['housing_building', 'run_business'],
    competence: [communeUrbanism],
    channels: [rokhasChannel, counterChannel],
    documents: [
      doc('application', t("Demande d'autorisation de lotir", 'طلب الإذن بإحداث التجزئة'), 'original', 1, {
        legal: { ref: 'loi-25-90', article: 'art. 4' },
      }),
      propertyCertificate(),
      doc('situation-plan', t('Plan de situation et plan topographique', 'تصميم الموقع والتصميم الطبوغرافي'), 'electronic', 1, {
        issuer: t('Ingénieur géomètre-topographe', 'مهندس مساح طبوغرافي'),
        legal: { ref: 'decret-2-18-475' },
        editorNote:
          'Pièce exigible au titre du règlement général de construction (décret 2-18-475) : article et annexe à vérifier sur le texte officiel.',
      }),
      doc(
        'subdivision-plans',
        t(
          'Plans du lotissement (parcellaire, voirie, espaces verts et équipements) établis par un architecte',
          'تصاميم التجزئة (التقسيم، الطرق، المساحات الخضراء والتجهيزات) معدة من طرف مهندس معماري',
        ),
        'electronic',
        1,
        { legal: { ref: 'loi-25-90', article: 'art. 4' } },
      ),
      doc(
        'networks-studies',
        t(
          'Études techniques des voies et réseaux divers (voirie, eau potable, assainissement, électricité, éclairage public)',
          'الدراسات التقنية للطرق والشبكات المختلفة (الطرق، الماء الصالح للشرب، التطهير، الكهرباء، الإنارة العمومية)',
        ),
        'electronic',
        1,
        {
          issuer: t("Ingénieur spécialisé (bureau d'études)", 'مهندس مختص (مكتب الدراسات)'),
          legal: { ref: 'decret-2-18-475' },
          editorNote:
            'Pièce exigible au titre du règlement général de construction (décret 2-18-475) : article et annexe à vérifier sur le texte officiel.',
        },
      ),
      doc('specifications', t('Cahier des charges du lotissement', 'دفتر تحملات التجزئة'), 'original', 1, {
        legal: { ref: 'loi-25-90', article: 'art. 4' },
      }),
      {
        ...idCard,
        legal: { ref: 'decret-2-18-475' },
        editorNote:
          'Pièce exigible au titre du règlement général de construction (décret 2-18-475) : article et annexe à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      t(
        'Le terrain doit être situé dans une zone où le document d’urbanisme permet le lotissement.',
        'يجب أن يوجد العقار في منطقة تسمح فيها وثيقة التعمير بإحداث التجزئة.',
      ),
      t(
        "Les lots ne peuvent être vendus qu'après la réception provisoire des travaux d'équipement.",
        'لا يجوز بيع البقع إلا بعد التسلم المؤقت لأشغال التجهيز.',
      ),
      t(
        "La taxe sur les opérations de lotissement (pourcentage du coût des travaux d'équipement, fixé par l'arrêté fiscal de la commune) est due avant la délivrance.",
        'يستحق الرسم على عمليات تجزئة الأراضي (نسبة من كلفة أشغال التجهيز يحددها القرار الجبائي للجماعة) قبل تسليم الإذن.',
      ),
    ],
    fees: [],
    delay: {
      legalDays: 90,
      legalUnit: 'calendar_days',
      usual: t('En général 1 à 3 mois selon la taille du projet.', 'عادة من شهر إلى ثلاثة أشهر حسب حجم المشروع.'),
      legal: { ref: 'loi-25-90', article: 'art. 8' },
    },
    legalBasis: [loi2590, rgc, lo11314, loi4706],
    steps: [
      step(
        'Faire préparer le dossier par l’architecte, le géomètre et l’ingénieur',
        'إعداد الملف من طرف المهندس المعماري والمساح الطبوغرافي والمهندس المختص',
      ),
      step('Déposer la demande sur Rokhas', 'إيداع الطلب على منصة "رخص"'),
      step(
        "Examen par la commission et avis conforme de l'agence urbaine",
        'دراسة الملف من طرف اللجنة والرأي الموافق للوكالة الحضرية',
      ),
      step('Payer la taxe sur les opérations de lotissement', 'أداء الرسم على عمليات تجزئة الأراضي'),
      step(
        "Délivrance de l'autorisation, puis réalisation des travaux et réception provisoire",
        'تسليم الإذن ثم إنجاز الأشغال والتسلم المؤقت',
      ),
    ],
    keywords: {
      fr: ['lotissement', 'autorisation de lotir', 'permis de lotir', 'diviser terrain en lots', 'promoteur'],
      ar: ['تجزئة عقارية', 'التجزئة العقارية', 'الإذن بإحداث تجزئة', 'رخصة التجزئة', 'تجزيء الأرض', 'بقع أرضية'],
      darija: ['tajzi2a', 'tajzia', 'lotissement', 'rokhsat tajzi2a', 'n9sem lard'],
    },
    related: ['autorisation-morcellement', 'note-renseignements-urbanistiques', 'permis-de-construire'],
    source: 'https://www.idarati.ma ; https://www.rokhas.ma',
  },
  {
    slug: 'autorisation-morcellement',
    owner: 'MIN-AMENAGEMENT',
    title: t('Autorisation de morcellement', 'الإذن بتقسيم العقار', 'Land division authorisation'),
    summary: t(
      'Autorisation requise pour diviser un terrain (vente, partage, donation…) en deux ou plusieurs parcelles non destinées à un lotissement, dans les communes urbaines, les centres délimités et leurs zones périphériques.',
      'إذن لازم لتقسيم عقار (بيع، قسمة، هبة…) إلى قطعتين أو أكثر غير معدة لإحداث تجزئة، داخل الجماعات الحضرية والمراكز المحددة ومناطقها المحيطة.',
      'Authorisation required to divide land (sale, sharing, gift…) into two or more parcels not intended as a subdivision, in urban communes and delimited centres.',
    ),
    audiences: ['citizens', 'companies', 'mre'],
    categories: ['urbanism'],
    lifeEvents: ['housing_building'],
    competence: [communeUrbanism],
    channels: [rokhasChannel, counterChannel],
    documents: [
      doc('application', t("Demande d'autorisation de morcellement", 'طلب الإذن بالتقسيم'), 'original', 1, {
        legal: { ref: 'decret-2-18-475' },
        editorNote:
          'Pièce exigible au titre du règlement général de construction (décret 2-18-475) : article et annexe à vérifier sur le texte officiel.',
      }),
      propertyCertificate(),
      doc('division-plan', t('Plan de morcellement et plan de situation', 'تصميم التقسيم وتصميم الموقع'), 'electronic', 1, {
        issuer: t('Ingénieur géomètre-topographe', 'مهندس مساح طبوغرافي'),
        legal: { ref: 'decret-2-18-475' },
        editorNote:
          'Pièce exigible au titre du règlement général de construction (décret 2-18-475) : article et annexe à vérifier sur le texte officiel.',
      }),
      {
        ...idCard,
        legal: { ref: 'decret-2-18-475' },
        editorNote:
          'Pièce exigible au titre du règlement général de construction (décret 2-18-475) : article et annexe à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      t(
        "Les adoul, notaires et conservateurs ne peuvent recevoir ni enregistrer un acte de vente ou de partage d'une partie de terrain sans cette autorisation.",
        'لا يجوز للعدول والموثقين والمحافظين تلقي أو تسجيل عقد بيع أو قسمة جزء من عقار دون هذا الإذن.',
      ),
      t(
        'Chaque parcelle doit respecter les surfaces minimales du document d’urbanisme.',
        'يجب أن تحترم كل قطعة المساحات الدنيا المحددة في وثيقة التعمير.',
      ),
    ],
    fees: [
      {
        key: 'fee',
        label: t('Sans frais prévus par la loi 25-90', 'بدون رسوم منصوص عليها في القانون 25.90'),
        amountMad: 0,
        legal: { ref: 'loi-25-90' },
        editorNote:
          'Gratuité constatée à la source consultée ; texte et article qui la fondent à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      legalDays: 60,
      legalUnit: 'calendar_days',
      usual: t('En général 2 à 6 semaines.', 'عادة من أسبوعين إلى ستة أسابيع.'),
      legal: { ref: 'loi-55-19' },
      editorNote:
        "legalDays = plafond général de la loi 55.19 (60 jours ; 30 jours pour les actes liés à l'investissement), non un délai propre à la procédure : article à vérifier sur le texte officiel ; reporter le délai publié par l'administration sur le portail national s'il est plus court.",
    },
    legalBasis: [loi2590, rgc, loi5519],
    steps: [
      step('Faire établir le plan de morcellement par un géomètre-topographe', 'إعداد تصميم التقسيم من طرف مهندس مساح طبوغرافي'),
      step('Déposer la demande sur Rokhas ou au guichet unique', 'إيداع الطلب على منصة "رخص" أو بالشباك الوحيد'),
      step(
        "Avis de l'agence urbaine et décision du président du conseil communal",
        'رأي الوكالة الحضرية وقرار رئيس المجلس الجماعي',
      ),
    ],
    keywords: {
      fr: ['morcellement', 'diviser un terrain', 'partage terrain', 'division parcellaire', 'vente partie terrain'],
      ar: ['تقسيم العقار', 'الإذن بالتقسيم', 'تقسيم الأرض', 'قسمة عقار', 'رخصة التقسيم'],
      darija: ['taqsim lard', 'morcellement', 'n9sem lard', 'rokhsat taqsim'],
    },
    related: ['autorisation-de-lotir', 'note-renseignements-urbanistiques'],
    source: 'https://www.idarati.ma',
  },
  {
    slug: 'permis-de-demolir',
    owner: 'MIN-AMENAGEMENT',
    title: t('Autorisation de démolir', 'رخصة الهدم', 'Demolition permit'),
    summary: t(
      "Autorisation du président du conseil communal nécessaire avant toute démolition totale ou partielle d'une construction.",
      'رخصة يسلمها رئيس المجلس الجماعي، ضرورية قبل أي هدم كلي أو جزئي لبناية.',
      'Authorisation from the president of the commune council required before any total or partial demolition of a building.',
    ),
    audiences: ['citizens', 'companies'],
    categories: ['urbanism'],
    lifeEvents: ['housing_building'],
    competence: [communeUrbanism],
    channels: [rokhasChannel, counterChannel],
    documents: [
      doc('application', t("Demande d'autorisation de démolir", 'طلب رخصة الهدم'), 'original', 1, {
        legal: { ref: 'decret-2-18-475' },
        editorNote: 'Article à vérifier sur le texte officiel.',
      }),
      propertyCertificate(),
      doc('situation-plan', t('Plan de situation et photos de la construction', 'تصميم الموقع وصور البناية'), 'electronic', 1, {
        legal: { ref: 'decret-2-18-475' },
        editorNote:
          'Pièce exigible au titre du règlement général de construction (décret 2-18-475) : article et annexe à vérifier sur le texte officiel.',
      }),
      doc(
        'demolition-method',
        t(
          'Note décrivant les modalités de démolition et les mesures de sécurité, établie par un architecte ou un ingénieur',
          'مذكرة تصف طريقة الهدم وتدابير السلامة، يعدها مهندس معماري أو مهندس مختص',
        ),
        'electronic',
        1,
        {
          legal: { ref: 'decret-2-18-475' },
          editorNote:
            'Pièce exigible au titre du règlement général de construction (décret 2-18-475) : article et annexe à vérifier sur le texte officiel.',
        },
      ),
      {
        ...idCard,
        legal: { ref: 'decret-2-18-475' },
        editorNote:
          'Pièce exigible au titre du règlement général de construction (décret 2-18-475) : article et annexe à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      t(
        'Les bâtiments classés ou situés dans un site protégé nécessitent en plus l’accord du ministère chargé de la culture.',
        'تحتاج البنايات المرتبة أو الواقعة في موقع محمي إلى موافقة الوزارة المكلفة بالثقافة.',
      ),
      t(
        'La démolition sans autorisation est une infraction punie par la loi 66-12.',
        'الهدم دون رخصة مخالفة يعاقب عليها القانون 66.12.',
      ),
    ],
    fees: [
      {
        key: 'construction-tax',
        label: t(
          'Taxe sur les opérations de construction (démolition) : montant forfaitaire fixé par l’arrêté fiscal de la commune, à partir de 100 MAD',
          'الرسم على عمليات البناء (الهدم): مبلغ جزافي يحدده القرار الجبائي للجماعة ابتداء من 100 درهم',
        ),
        kind: 'variable',
        basis: t('Montant forfaitaire fixé par l’arrêté fiscal de la commune', 'مبلغ جزافي يحدده القرار الجبائي للجماعة'),
        editorNote:
          'Minimum de 100 MAD non vérifié hors ligne (arrêté fiscal de chaque commune). Article à vérifier sur le texte officiel.',
        payment: t('Régie de recettes de la commune', 'وكالة المداخيل بالجماعة'),
        legal: { ref: 'loi-47-06' },
      },
    ],
    delay: {
      legalDays: 60,
      legalUnit: 'calendar_days',
      usual: t('En général 2 à 4 semaines.', 'عادة من أسبوعين إلى أربعة أسابيع.'),
      legal: { ref: 'loi-55-19' },
      editorNote:
        "legalDays = plafond général de la loi 55.19 (60 jours ; 30 jours pour les actes liés à l'investissement), non un délai propre à la procédure : article à vérifier sur le texte officiel ; reporter le délai publié par l'administration sur le portail national s'il est plus court.",
    },
    legalBasis: [loi1290, loi6612, rgc, loi4706, loi5519],
    steps: [
      step('Déposer la demande sur Rokhas', 'إيداع الطلب على منصة "رخص"'),
      step('Visite des lieux et avis de la commission', 'معاينة المكان ورأي اللجنة'),
      step('Payer la taxe et retirer l’autorisation', 'أداء الرسم وسحب الرخصة'),
    ],
    keywords: {
      fr: ['permis de démolir', 'démolition', 'démolir maison', 'autorisation de démolition'],
      ar: ['رخصة الهدم', 'رخصه الهدم', 'هدم منزل', 'الإذن بالهدم', 'هدم بناية'],
      darija: ['rokhsat lhdem', 'hdem dar', 'rokhsa lhdim'],
    },
    related: ['permis-de-construire', 'autorisation-refection'],
    source: 'https://www.rokhas.ma',
  },
  {
    slug: 'autorisation-refection',
    owner: 'MIN-AMENAGEMENT',
    title: t(
      'Autorisation de réfection (travaux de réparation et d’aménagement)',
      'رخصة الإصلاح (أشغال الترميم والتهيئة)',
      'Repair and renovation authorisation',
    ),
    summary: t(
      "Autorisation délivrée par le président du conseil communal pour des travaux de réparation, de rénovation ou d'aménagement qui ne modifient pas la structure ni la surface de la construction (enduits, carrelage, étanchéité, peinture de façade, clôture…).",
      'رخصة يسلمها رئيس المجلس الجماعي لأشغال الإصلاح أو الترميم أو التهيئة التي لا تغير هيكل البناية ولا مساحتها (التلبيس، الزليج، العزل، صباغة الواجهة، السور…).',
      'Authorisation for repair, renovation or fitting-out works that do not alter the structure or floor area of a building.',
    ),
    audiences: ['citizens', 'companies'],
    categories: ['urbanism'],
    lifeEvents: ['housing_building'],
    competence: [communeUrbanism],
    channels: [rokhasChannel, counterChannel],
    documents: [
      doc('application', t('Demande précisant la nature des travaux', 'طلب يحدد طبيعة الأشغال'), 'original', 1, {
        legal: { ref: 'loi-12-90' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      }),
      doc(
        'ownership',
        t(
          'Justificatif de propriété (certificat de propriété) ou accord du propriétaire pour un locataire',
          'ما يثبت الملكية (شهادة الملكية) أو موافقة المالك بالنسبة للمكتري',
        ),
        'copy',
        1,
        {
          legal: { ref: 'loi-12-90' },
          editorNote:
            'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
        },
      ),
      doc('photos', t('Photos de l’état actuel et plan de situation', 'صور الحالة الراهنة وتصميم الموقع'), 'electronic', 1, {
        legal: { ref: 'loi-12-90' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      }),
      {
        ...idCard,
        legal: { ref: 'loi-12-90' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      t(
        'Les travaux touchant la structure, la surface ou la façade de manière importante nécessitent un permis de construire (modification).',
        'تستلزم الأشغال التي تمس الهيكل أو المساحة أو الواجهة بشكل مهم رخصة البناء (تغيير).',
      ),
    ],
    fees: [
      {
        key: 'construction-tax',
        label: t(
          'Taxe sur les opérations de construction (réfection, modification) : montant forfaitaire fixé par l’arrêté fiscal de la commune, à partir de 100 MAD',
          'الرسم على عمليات البناء (الإصلاح، التغيير): مبلغ جزافي يحدده القرار الجبائي للجماعة ابتداء من 100 درهم',
        ),
        kind: 'variable',
        basis: t('Montant forfaitaire fixé par l’arrêté fiscal de la commune', 'مبلغ جزافي يحدده القرار الجبائي للجماعة'),
        editorNote:
          'Minimum de 100 MAD non vérifié hors ligne (arrêté fiscal de chaque commune). Article à vérifier sur le texte officiel.',
        payment: t('Régie de recettes de la commune ou en ligne', 'وكالة المداخيل بالجماعة أو عبر الإنترنت'),
        legal: { ref: 'loi-47-06' },
      },
    ],
    delay: {
      legalDays: 60,
      legalUnit: 'calendar_days',
      usual: t('En général quelques jours à 2 semaines.', 'عادة من بضعة أيام إلى أسبوعين.'),
      legal: { ref: 'loi-55-19' },
      editorNote:
        "legalDays = plafond général de la loi 55.19 (60 jours ; 30 jours pour les actes liés à l'investissement), non un délai propre à la procédure : article à vérifier sur le texte officiel ; reporter le délai publié par l'administration sur le portail national s'il est plus court.",
    },
    legalBasis: [loi1290, lo11314, loi4706, loi5519],
    steps: [
      step('Déposer la demande sur Rokhas ou au guichet de la commune', 'إيداع الطلب على منصة "رخص" أو بشباك الجماعة'),
      step('Visite éventuelle des services techniques', 'زيارة محتملة من طرف المصالح التقنية'),
      step('Payer la taxe et retirer l’autorisation', 'أداء الرسم وسحب الرخصة'),
    ],
    keywords: {
      fr: [
        'réfection',
        'autorisation de réfection',
        'réparation maison',
        'rénovation',
        'travaux',
        'petits travaux',
        'carrelage',
        'façade',
      ],
      ar: ['رخصة الإصلاح', 'رخصه الاصلاح', 'إصلاح المنزل', 'ترميم', 'رخصة الترميم', 'أشغال الإصلاح', 'رخصة الإصلاحات'],
      darija: ['rokhsat l islah', 'rokhsa dyal l9rmed', 'islah dar', 'rokhsa ntrmem', 'rokhsat refection'],
    },
    related: ['permis-de-construire', 'permis-de-demolir'],
    source: 'https://www.rokhas.ma',
  },
  {
    slug: 'note-renseignements-urbanistiques',
    owner: 'MIN-AMENAGEMENT',
    title: t('Note de renseignements urbanistiques', 'مذكرة المعلومات التعميرية', 'Urban planning information note'),
    summary: t(
      "Document délivré par l'agence urbaine indiquant ce que le document d'urbanisme autorise sur un terrain (zone, hauteur, emprise, servitudes). Utile avant d'acheter un terrain ou de concevoir un projet.",
      'وثيقة تسلمها الوكالة الحضرية تبين ما تسمح به وثيقة التعمير في عقار معين (المنطقة، العلو، نسبة البناء، الارتفاقات). مفيدة قبل شراء أرض أو إعداد مشروع.',
      'Document from the urban agency stating what the urban plan allows on a plot (zoning, height, footprint, easements).',
    ),
    audiences: ['citizens', 'companies', 'mre'],
    categories: ['urbanism'],
    lifeEvents: ['housing_building', 'start_business'],
    competence: [
      {
        orgType: 'agency',
        service: t('Agence urbaine territorialement compétente', 'الوكالة الحضرية المختصة ترابيا', 'Competent urban agency'),
      },
    ],
    channels: [
      { kind: 'counter', where: t("Guichet de l'agence urbaine", 'شباك الوكالة الحضرية') },
      {
        kind: 'online',
        where: t("Service en ligne de l'agence urbaine, lorsqu'il existe", 'الخدمة الإلكترونية للوكالة الحضرية عند توفرها'),
      },
    ],
    documents: [
      doc('application', t('Demande de note de renseignements', 'طلب مذكرة المعلومات التعميرية'), 'original', 1, {
        legal: { ref: 'dahir-1-93-51' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      }),
      doc(
        'situation-plan',
        t('Plan de situation du terrain (ou coordonnées Lambert)', 'تصميم موقع العقار (أو إحداثيات لامبير)'),
        'original',
        2,
        {
          legal: { ref: 'dahir-1-93-51' },
          editorNote:
            'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
        },
      ),
      doc('property-plan', t('Plan cadastral ou plan du titre foncier', 'التصميم المساحي أو تصميم الرسم العقاري'), 'copy', 1, {
        optional: true,
        condition: t('Terrain immatriculé', 'العقار المحفظ'),
        legal: { ref: 'dahir-1-93-51' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      }),
      doc('cnie', t('Copie de la CNIE du demandeur', 'نسخة من البطاقة الوطنية للتعريف الإلكترونية لصاحب الطلب'), 'copy', 1, {
        legal: { ref: 'dahir-1-93-51' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      }),
    ],
    conditions: [
      t(
        'La note est informative : elle ne vaut pas autorisation de construire ni de lotir.',
        'المذكرة إخبارية: لا تعتبر رخصة بناء ولا إذنا بإحداث تجزئة.',
      ),
      t(
        "Des frais de service peuvent être demandés selon le barème de l'agence urbaine.",
        'قد تطلب مصاريف الخدمة حسب التعريفة المعتمدة لدى الوكالة الحضرية.',
      ),
    ],
    fees: [],
    delay: {
      legalDays: 60,
      legalUnit: 'calendar_days',
      usual: t('En général quelques jours à 2 semaines.', 'عادة من بضعة أيام إلى أسبوعين.'),
      legal: { ref: 'loi-55-19' },
      editorNote:
        "legalDays = plafond général de la loi 55.19 (60 jours ; 30 jours pour les actes liés à l'investissement), non un délai propre à la procédure : article à vérifier sur le texte officiel ; reporter le délai publié par l'administration sur le portail national s'il est plus court.",
    },
    legalBasis: [agencesUrbaines, loi1290, loi5519],
    steps: [
      step('Déposer la demande et le plan de situation', 'إيداع الطلب وتصميم الموقع'),
      step(
        "Localisation du terrain et vérification du document d'urbanisme par l'agence",
        'تحديد موقع العقار والتحقق من وثيقة التعمير من طرف الوكالة',
      ),
      step('Retirer la note de renseignements', 'سحب مذكرة المعلومات'),
    ],
    keywords: {
      fr: [
        'note de renseignements',
        'renseignements urbanistiques',
        'NRU',
        'zonage terrain',
        'plan d’aménagement',
        'agence urbaine',
      ],
      ar: ['مذكرة المعلومات التعميرية', 'مذكرة معلومات', 'الوكالة الحضرية', 'تصميم التهيئة', 'المعلومات التعميرية'],
      darija: ['note de renseignement', 'lwakala lhadaria', 'ma3lomat ta3mir'],
    },
    related: ['permis-de-construire', 'autorisation-de-lotir', 'autorisation-morcellement'],
    source: 'https://www.idarati.ma',
  },
];
