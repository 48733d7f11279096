import type { LegalText, ProcedureSource, RequiredDocument, Step, T } from '../types';

/** Batch B — taxes (DGI, www.tax.gov.ma), auto-entrepreneur status (www.ae.gov.ma) and social security (CNSS, www.damancom.ma). */

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

const TAX = 'https://www.tax.gov.ma';
const DAMANCOM = 'https://www.damancom.ma';

const cgi: LegalText = {
  id: 'cgi',
  title: t(
    'Code général des impôts (institué par l’article 5 de la loi de finances n° 43-06 pour l’année 2007), dans sa version en vigueur',
    'المدونة العامة للضرائب (المحدثة بموجب المادة 5 من قانون المالية رقم 43.06 للسنة المالية 2007)، في صيغتها الجاري بها العمل',
    'General Tax Code',
  ),
  url: TAX,
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
const loi11413: LegalText = {
  id: 'loi-114-13',
  title: t(
    "Loi n° 114-13 relative au statut de l'auto-entrepreneur",
    'القانون رقم 114.13 المتعلق بنظام المقاول الذاتي',
    'Law No. 114-13 on the auto-entrepreneur status',
  ),
  reference: 'Dahir n° 1-15-06 du 29 rabii II 1436 (19 février 2015)',
  bulletin: 'BO n° 6340 du 5 mars 2015',
};
const dahirCnss: LegalText = {
  id: 'dahir-1-72-184',
  title: t(
    'Dahir portant loi n° 1-72-184 du 15 joumada II 1392 (27 juillet 1972) relatif au régime de sécurité sociale, tel que modifié et complété',
    'الظهير الشريف بمثابة قانون رقم 1.72.184 الصادر في 15 جمادى الآخرة 1392 (27 يوليو 1972) المتعلق بنظام الضمان الاجتماعي، كما وقع تغييره وتتميمه',
    'Dahir-law No. 1-72-184 of 27 July 1972 on the social security scheme',
  ),
};
const loi9815: LegalText = {
  id: 'loi-98-15',
  title: t(
    "Loi n° 98-15 relative au régime de l'assurance maladie obligatoire de base pour les catégories des professionnels, des travailleurs indépendants et des personnes non salariées exerçant une activité libérale",
    'القانون رقم 98.15 المتعلق بنظام التأمين الإجباري الأساسي عن المرض الخاص بفئات المهنيين والعمال المستقلين والأشخاص غير الأجراء الذين يزاولون نشاطا خاصا',
    'Law No. 98-15 on compulsory health insurance for self-employed workers',
  ),
};
const loi6500: LegalText = {
  id: 'loi-65-00',
  title: t(
    'Loi n° 65-00 portant code de la couverture médicale de base',
    'القانون رقم 65.00 بمثابة مدونة التغطية الصحية الأساسية',
    'Law No. 65-00 on the basic medical coverage code',
  ),
};
const decretMarches: LegalText = {
  id: 'decret-2-22-431',
  title: t(
    'Décret n° 2-22-431 du 15 chaabane 1444 (8 mars 2023) relatif aux marchés publics',
    'المرسوم رقم 2.22.431 الصادر في 15 شعبان 1444 (8 مارس 2023) المتعلق بالصفقات العمومية',
    'Decree No. 2-22-431 of 8 March 2023 on public procurement',
  ),
};
const loi5519: LegalText = {
  id: 'loi-55-19',
  title: t(
    'Loi n° 55-19 relative à la simplification des procédures et des formalités administratives',
    'القانون رقم 55.19 المتعلق بتبسيط المساطر والإجراءات الإدارية',
  ),
  reference: 'Dahir n° 1-20-06 du 11 rejeb 1441 (6 mars 2020)',
  bulletin: 'BO n° 6866 du 19 mars 2020',
};

const dgiCompetence = {
  orgCodes: ['DGI'],
  service: t(
    'Direction régionale ou préfectorale des impôts du lieu du domicile fiscal ou du siège',
    'المديرية الجهوية أو الإقليمية للضرائب التابع لها الموطن الجبائي أو المقر',
    'Regional or prefectural tax directorate',
  ),
};
const simpl = (service: string, serviceAr: string) => ({
  kind: 'online' as const,
  where: t(`Services en ligne de la DGI (${service})`, `الخدمات الإلكترونية للمديرية العامة للضرائب (${serviceAr})`),
  url: TAX,
});
const dgiCounter = {
  kind: 'counter' as const,
  where: t('Subdivision ou direction des impôts du lieu d’imposition', 'مصلحة أو مديرية الضرائب لمكان فرض الضريبة'),
};
const cnssCompetence = {
  orgCodes: ['CNSS'],
  service: t(
    'Agence CNSS du lieu du siège de l’employeur',
    'وكالة الصندوق الوطني للضمان الاجتماعي لمقر المشغل',
    'CNSS branch of the employer’s seat',
  ),
};
const damancom = {
  kind: 'online' as const,
  where: t('Portail Damancom de la CNSS (espace employeur)', 'بوابة "ضمانكم" للصندوق الوطني للضمان الاجتماعي (فضاء المشغل)'),
  url: DAMANCOM,
};
const cnssCounter = { kind: 'counter' as const, where: t('Agence CNSS', 'وكالة الصندوق الوطني للضمان الاجتماعي') };

export const taxSocial: ProcedureSource[] = [
  {
    slug: 'identifiant-fiscal-taxe-professionnelle',
    owner: 'DGI',
    title: t(
      'Identifiant fiscal et inscription à la taxe professionnelle (ex-patente)',
      'التعريف الضريبي والتسجيل في الرسم المهني (الباتانتا سابقا)',
      'Tax identifier and professional tax registration (formerly "patente")',
    ),
    summary: t(
      "Toute personne qui commence une activité professionnelle, commerciale ou industrielle doit déposer une déclaration d'existence et d'inscription à la taxe professionnelle auprès de la DGI, qui lui attribue un identifiant fiscal (IF) et un numéro de taxe professionnelle.",
      'يجب على كل شخص يبدأ نشاطا مهنيا أو تجاريا أو صناعيا إيداع تصريح بالوجود وبالتسجيل في الرسم المهني لدى المديرية العامة للضرائب، التي تمنحه تعريفا ضريبيا ورقما في الرسم المهني.',
      'Anyone starting a business files an existence and professional tax registration declaration with the tax administration, which assigns a tax identifier (IF) and a professional tax number.',
    ),
    audiences: ['companies', 'citizens', 'mre'],
    categories: ['tax', 'company'],
    lifeEvents: ['start_business'],
    competence: [dgiCompetence],
    channels: [
      simpl('déclaration d’existence en ligne', 'التصريح بالوجود عبر الإنترنت'),
      dgiCounter,
      { kind: 'counter', where: t("Guichet DGI du centre régional d'investissement", 'شباك المديرية بالمركز الجهوي للاستثمار') },
    ],
    documents: [
      doc(
        'declaration',
        t(
          "Déclaration d'existence et d'inscription à la taxe professionnelle (imprimé de la DGI)",
          'التصريح بالوجود وبالتسجيل في الرسم المهني (مطبوع المديرية العامة للضرائب)',
        ),
        'original',
        1,
        { legal: { ref: 'cgi', article: 'art. 148' } },
      ),
      doc(
        'cnie',
        t("Copie de la CNIE de l'exploitant ou du dirigeant", 'نسخة من البطاقة الوطنية للتعريف الإلكترونية للمستغل أو المسير'),
        'copy',
        1,
        {
          legal: { ref: 'cgi' },
          editorNote:
            'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
        },
      ),
      doc(
        'premises',
        t(
          'Contrat de bail, titre de propriété ou contrat de domiciliation du local',
          'عقد الكراء أو رسم الملكية أو عقد التوطين الخاص بالمحل',
        ),
        'copy',
        1,
        {
          legal: { ref: 'cgi' },
          editorNote:
            'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
        },
      ),
      doc('statutes', t('Statuts enregistrés de la société', 'النظام الأساسي المسجل للشركة'), 'copy', 1, {
        optional: true,
        condition: t('Société', 'الشركة'),
        legal: { ref: 'cgi' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      }),
      doc('negative-certificate', t('Certificat négatif', 'الشهادة السلبية'), 'copy', 1, {
        optional: true,
        condition: t('Société ou usage d’un nom commercial', 'شركة أو استعمال اسم تجاري'),
        legal: { ref: 'cgi' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      }),
    ],
    conditions: [
      t(
        "La déclaration est à déposer dans les 30 jours qui suivent la création de l'entreprise ou le début de l'activité.",
        'يجب إيداع التصريح داخل أجل 30 يوما الموالية لإحداث المقاولة أو بداية النشاط.',
      ),
      t(
        "Une activité nouvellement créée est exonérée de taxe professionnelle pendant 5 ans à compter de l'année du début de l'activité.",
        'يعفى النشاط المحدث حديثا من الرسم المهني لمدة 5 سنوات ابتداء من سنة بداية النشاط.',
      ),
    ],
    fees: [
      {
        key: 'fee',
        label: t('Inscription gratuite', 'التسجيل مجاني'),
        amountMad: 0,
        legal: { ref: 'cgi' },
        editorNote:
          'Gratuité constatée à la source consultée ; texte et article qui la fondent à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: t('En général le jour même ou sous 48 heures.', 'عادة في نفس اليوم أو داخل 48 ساعة.'),
      legal: { ref: 'loi-47-06', article: 'art. 12' },
      editorNote: 'Article non vérifié hors ligne contre le texte publié au Bulletin officiel.',
    },
    legalBasis: [cgi, loi4706],
    steps: [
      step('Remplir la déclaration (en ligne ou au guichet)', 'ملء التصريح (عبر الإنترنت أو بالشباك)'),
      step('Joindre les pièces et déposer le dossier', 'إرفاق الوثائق وإيداع الملف'),
      step(
        "Recevoir l'attestation d'inscription avec l'identifiant fiscal et le numéro de taxe professionnelle",
        'تسلم شهادة التسجيل التي تتضمن التعريف الضريبي ورقم الرسم المهني',
      ),
    ],
    keywords: {
      fr: ['identifiant fiscal', 'IF', 'taxe professionnelle', 'patente', 'TP', 'déclaration d’existence', 'numéro fiscal'],
      ar: [
        'التعريف الضريبي',
        'التعريف الجبائي',
        'الرسم المهني',
        'الباتانتا',
        'البتانتا',
        'الضريبة المهنية',
        'التصريح بالوجود',
        'رقم التعريف الضريبي',
      ],
      darija: ['lpatente', 'patenta', 'batanta', 'identifiant fiscal', 'rasm mihani', 'if', 'nakhod patente'],
    },
    related: [
      'identifiant-commun-entreprise-ice',
      'creation-entreprise-cri',
      'immatriculation-registre-commerce',
      'attestation-regularite-fiscale',
    ],
    source: 'https://www.tax.gov.ma',
  },
  {
    slug: 'attestation-regularite-fiscale',
    owner: 'DGI',
    title: t('Attestation de régularité fiscale', 'شهادة انتظام الوضعية الجبائية', 'Tax compliance certificate'),
    summary: t(
      "Attestation délivrée par la DGI certifiant que l'entreprise ou la personne a déposé ses déclarations et payé ses impôts. Elle est exigée notamment pour les marchés publics, les aides de l'État et certaines demandes bancaires.",
      'شهادة تسلمها المديرية العامة للضرائب تثبت أن المقاولة أو الشخص أودع إقراراته وأدى ضرائبه، وتطلب على الخصوص في الصفقات العمومية ودعم الدولة وبعض الطلبات البنكية.',
      'Certificate from the tax administration that a business has filed its returns and paid its taxes; required for public procurement and state aid.',
    ),
    audiences: ['companies', 'citizens'],
    categories: ['tax', 'certificates'],
    lifeEvents: ['run_business'],
    competence: [dgiCompetence],
    channels: [simpl('demande d’attestation en ligne', 'طلب الشهادة عبر الإنترنت'), dgiCounter],
    documents: [
      doc('application', t("Demande d'attestation (en ligne ou imprimé)", 'طلب الشهادة (عبر الإنترنت أو مطبوع)'), 'original', 1, {
        legal: { ref: 'cgi' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      }),
      doc('if', t('Identifiant fiscal', 'التعريف الضريبي'), 'copy', 1, {
        legal: { ref: 'cgi' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      }),
      doc(
        'cnie',
        t('CNIE du demandeur ou pouvoir du représentant', 'البطاقة الوطنية لصاحب الطلب أو سند تفويض الممثل'),
        'copy',
        1,
        {
          optional: true,
          condition: t('Demande au guichet', 'الطلب بالشباك'),
          legal: { ref: 'cgi' },
          editorNote:
            'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
        },
      ),
    ],
    conditions: [
      t(
        'Toutes les déclarations fiscales exigibles doivent avoir été déposées et les impôts payés, ou garantis en cas de réclamation.',
        'يجب أن تكون جميع الإقرارات الجبائية المستحقة قد أودعت والضرائب قد أديت، أو ضمنت في حالة وجود شكاية.',
      ),
      t(
        "L'attestation a une durée de validité limitée, indiquée sur le document.",
        'للشهادة مدة صلاحية محدودة مبينة في الوثيقة.',
      ),
    ],
    fees: [
      {
        key: 'fee',
        label: t('Gratuite', 'مجانية'),
        amountMad: 0,
        legal: { ref: 'cgi' },
        editorNote:
          'Gratuité constatée à la source consultée ; texte et article qui la fondent à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: t(
        'Immédiate en ligne lorsque la situation est régulière ; quelques jours au guichet.',
        'فورية عبر الإنترنت إذا كانت الوضعية سليمة، وبضعة أيام بالشباك.',
      ),
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays. Le décret 2-22-431 (marchés publics), cité auparavant pour ce délai, exige l’attestation des soumissionnaires mais ne paraît pas fixer le délai de sa délivrance (à vérifier).",
    },
    legalBasis: [cgi, decretMarches, loi5519],
    steps: [
      step(
        'Se connecter aux services en ligne de la DGI (adhésion préalable)',
        'الولوج إلى الخدمات الإلكترونية للمديرية العامة للضرائب (بعد الانخراط)',
      ),
      step("Demander l'attestation de régularité fiscale", 'طلب شهادة انتظام الوضعية الجبائية'),
      step("Télécharger l'attestation ou la retirer au guichet", 'تحميل الشهادة أو سحبها من الشباك'),
    ],
    keywords: {
      fr: [
        'attestation de régularité fiscale',
        'attestation fiscale',
        'régularité fiscale',
        'situation fiscale',
        'attestation impôts marché public',
      ],
      ar: [
        'شهادة انتظام الوضعية الجبائية',
        'شهادة الوضعية الجبائية',
        'شهادة جبائية',
        'الوضعية الضريبية',
        'شهادة الإبراء الضريبي',
      ],
      darija: ['attestation fiscale', 'chahada dyal dariba', 'attestation regularite', 'lwad3iya jiba2iya'],
    },
    related: ['attestation-affiliation-cnss', 'identifiant-fiscal-taxe-professionnelle'],
    source: 'https://www.tax.gov.ma',
  },
  {
    slug: 'declaration-tva',
    owner: 'DGI',
    title: t('Déclaration et paiement de la TVA', 'الإقرار بالضريبة على القيمة المضافة وأداؤها', 'VAT return and payment'),
    summary: t(
      "Les assujettis à la taxe sur la valeur ajoutée déclarent leur chiffre d'affaires et leurs déductions et paient la TVA par voie électronique, chaque mois ou chaque trimestre selon leur chiffre d'affaires.",
      'يصرح الخاضعون للضريبة على القيمة المضافة برقم أعمالهم وخصوماتهم ويؤدون الضريبة بطريقة إلكترونية كل شهر أو كل ثلاثة أشهر حسب رقم أعمالهم.',
      'VAT-registered businesses declare turnover and deductions and pay VAT online, monthly or quarterly depending on turnover.',
    ),
    audiences: ['companies'],
    categories: ['tax'],
    lifeEvents: ['run_business'],
    competence: [dgiCompetence],
    channels: [
      simpl('SIMPL-TVA, télédéclaration et télépaiement', 'سيمبل-الضريبة على القيمة المضافة، الإقرار والأداء الإلكترونيين'),
    ],
    documents: [
      doc(
        'return',
        t('Déclaration de TVA (formulaire électronique)', 'الإقرار بالضريبة على القيمة المضافة (استمارة إلكترونية)'),
        'electronic',
        1,
        {
          legal: { ref: 'cgi', article: 'art. 110 et 111' },
        },
      ),
      doc(
        'deductions',
        t(
          'Relevé détaillé des factures de TVA déductible (format électronique)',
          'بيان مفصل لفواتير الضريبة القابلة للخصم (صيغة إلكترونية)',
        ),
        'electronic',
        1,
        {
          legal: { ref: 'cgi', article: 'art. 112' },
          editorNote: 'Article non vérifié hors ligne contre le texte publié au Bulletin officiel.',
        },
      ),
    ],
    conditions: [
      t(
        "Régime mensuel pour un chiffre d'affaires taxable de l'année précédente égal ou supérieur à 1 000 000 MAD ; régime trimestriel en dessous, et pour les entreprises nouvelles.",
        'النظام الشهري بالنسبة لرقم أعمال خاضع للضريبة عن السنة السابقة يساوي أو يفوق 1.000.000 درهم، والنظام الفصلي دون ذلك وبالنسبة للمقاولات الجديدة.',
      ),
      t(
        "Déclaration et paiement avant l'expiration du mois qui suit le mois ou le trimestre concerné.",
        'الإقرار والأداء قبل انصرام الشهر الموالي للشهر أو الفصل المعني.',
      ),
      t(
        'La télédéclaration et le télépaiement sont obligatoires ; un retard entraîne pénalités et majorations.',
        'الإقرار والأداء الإلكترونيان إجباريان، ويترتب عن التأخير غرامات وزيادات.',
      ),
    ],
    fees: [
      {
        key: 'filing',
        label: t(
          'Dépôt de la déclaration gratuit (la TVA due est payée en ligne)',
          'إيداع الإقرار مجاني (تؤدى الضريبة المستحقة عبر الإنترنت)',
        ),
        amountMad: 0,
        legal: { ref: 'cgi' },
        editorNote:
          'Gratuité constatée à la source consultée ; texte et article qui la fondent à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: t('Accusé de réception immédiat en ligne.', 'إشعار بالتوصل فوري عبر الإنترنت.'),
      legal: { ref: 'cgi', article: 'art. 110 et 111' },
    },
    legalBasis: [cgi],
    steps: [
      step(
        'Adhérer aux services en ligne de la DGI (une seule fois)',
        'الانخراط في الخدمات الإلكترونية للمديرية العامة للضرائب (مرة واحدة)',
      ),
      step('Saisir le chiffre d’affaires et les déductions de la période', 'إدخال رقم الأعمال والخصومات عن الفترة'),
      step('Joindre le relevé des déductions', 'إرفاق بيان الخصومات'),
      step('Valider et payer en ligne (télépaiement bancaire)', 'المصادقة والأداء عبر الإنترنت (الأداء البنكي الإلكتروني)'),
    ],
    keywords: {
      fr: [
        'TVA',
        'déclaration TVA',
        'taxe sur la valeur ajoutée',
        'télédéclaration TVA',
        'simpl tva',
        'TVA mensuelle',
        'TVA trimestrielle',
      ],
      ar: [
        'الضريبة على القيمة المضافة',
        'الإقرار بالضريبة على القيمة المضافة',
        'التصريح بالضريبة على القيمة المضافة',
        'الضريبه على القيمه المضافه',
        'tva',
      ],
      darija: ['tva', 'tiva', 'declaration tva', 'nkhles tva', 'dariba 3la l9ima lmodafa'],
    },
    related: ['declaration-impot-societes', 'attestation-regularite-fiscale'],
    source: 'https://www.tax.gov.ma',
  },
  {
    slug: 'declaration-impot-societes',
    owner: 'DGI',
    title: t(
      'Déclaration du résultat fiscal (impôt sur les sociétés)',
      'الإقرار بالحصيلة الجبائية (الضريبة على الشركات)',
      'Corporate income tax return',
    ),
    summary: t(
      "Les sociétés déposent chaque année, par voie électronique, la déclaration de leur résultat fiscal avec les états de synthèse (liasse fiscale), dans les trois mois qui suivent la clôture de l'exercice, et paient l'IS par acomptes provisionnels.",
      'تودع الشركات سنويا، بطريقة إلكترونية، إقرارا بحصيلتها الجبائية مرفقا بالقوائم التركيبية، داخل الأشهر الثلاثة الموالية لتاريخ اختتام السنة المحاسبية، وتؤدي الضريبة على الشركات عن طريق دفعات مقدمة.',
      'Companies file their tax result with the financial statements online within three months after the financial year end, and pay corporate tax in instalments.',
    ),
    audiences: ['companies'],
    categories: ['tax'],
    lifeEvents: ['run_business'],
    competence: [dgiCompetence],
    channels: [simpl('SIMPL-IS', 'سيمبل-الضريبة على الشركات')],
    documents: [
      doc(
        'return',
        t('Déclaration du résultat fiscal (formulaire électronique)', 'إقرار الحصيلة الجبائية (استمارة إلكترونية)'),
        'electronic',
        1,
        {
          legal: { ref: 'cgi', article: 'art. 20' },
        },
      ),
      doc(
        'statements',
        t(
          'États de synthèse : bilan, compte de produits et charges, annexes (liasse fiscale)',
          'القوائم التركيبية: الميزانية، حساب العائدات والتكاليف، الملحقات',
        ),
        'electronic',
        1,
        {
          legal: { ref: 'cgi' },
          editorNote:
            'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
        },
      ),
    ],
    conditions: [
      t(
        "Délai : dans les trois mois qui suivent la date de clôture de l'exercice comptable.",
        'الأجل: داخل الأشهر الثلاثة الموالية لتاريخ اختتام السنة المحاسبية.',
      ),
      t(
        "L'impôt est versé en quatre acomptes provisionnels égaux, avant l'expiration des 3e, 6e, 9e et 12e mois de l'exercice, puis régularisé à la déclaration ; une cotisation minimale est due même en cas de perte.",
        'تؤدى الضريبة في أربع دفعات مقدمة متساوية قبل انصرام الشهر الثالث والسادس والتاسع والثاني عشر من السنة المحاسبية، ثم تسوى عند الإقرار، وتستحق المساهمة الدنيا حتى في حالة العجز.',
      ),
    ],
    fees: [
      {
        key: 'filing',
        label: t('Dépôt gratuit (l’impôt dû est payé en ligne)', 'الإيداع مجاني (تؤدى الضريبة المستحقة عبر الإنترنت)'),
        amountMad: 0,
        legal: { ref: 'cgi' },
        editorNote:
          'Gratuité constatée à la source consultée ; texte et article qui la fondent à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: t('Accusé de réception immédiat en ligne.', 'إشعار بالتوصل فوري عبر الإنترنت.'),
      legal: { ref: 'cgi', article: 'art. 20' },
    },
    legalBasis: [cgi],
    steps: [
      step("Arrêter les comptes de l'exercice", 'حصر حسابات السنة المحاسبية'),
      step('Remplir la déclaration et joindre la liasse fiscale en ligne', 'ملء الإقرار وإرفاق القوائم التركيبية عبر الإنترنت'),
      step('Payer le reliquat d’impôt ou imputer l’excédent', 'أداء الباقي من الضريبة أو خصم الفائض'),
    ],
    keywords: {
      fr: [
        'impôt sur les sociétés',
        'IS',
        'déclaration IS',
        'liasse fiscale',
        'bilan',
        'résultat fiscal',
        'acomptes IS',
        'cotisation minimale',
      ],
      ar: [
        'الضريبة على الشركات',
        'الضريبه على الشركات',
        'إقرار الحصيلة الجبائية',
        'التصريح بالضريبة على الشركات',
        'القوائم التركيبية',
        'الحصيلة',
      ],
      darija: ['is', 'dariba 3la charikat', 'declaration is', 'bilan', 'liasse'],
    },
    related: ['declaration-tva', 'attestation-regularite-fiscale'],
    source: 'https://www.tax.gov.ma',
  },
  {
    slug: 'declaration-impot-revenu',
    owner: 'DGI',
    title: t(
      'Déclaration annuelle du revenu global (impôt sur le revenu)',
      'الإقرار السنوي بالدخل الإجمالي (الضريبة على الدخل)',
      'Annual income tax return',
    ),
    summary: t(
      'Les personnes physiques qui perçoivent des revenus professionnels, agricoles, fonciers ou plusieurs salaires déclarent chaque année leur revenu global à la DGI, en ligne.',
      'يصرح الأشخاص الذاتيون الذين يحصلون على دخول مهنية أو فلاحية أو عقارية أو على عدة أجور بدخلهم الإجمالي سنويا لدى المديرية العامة للضرائب عبر الإنترنت.',
      'Individuals with business, agricultural, property income or several salaries file an annual return of their global income online.',
    ),
    audiences: ['citizens', 'companies', 'mre'],
    categories: ['tax'],
    lifeEvents: ['run_business', 'employment'],
    competence: [dgiCompetence],
    channels: [simpl('SIMPL-IR', 'سيمبل-الضريبة على الدخل'), dgiCounter],
    documents: [
      doc('return', t('Déclaration du revenu global', 'الإقرار بالدخل الإجمالي'), 'electronic', 1, {
        legal: { ref: 'cgi', article: 'art. 82' },
      }),
      doc(
        'salary-certificates',
        t('Attestations de salaire et de retenue à la source', 'شهادات الأجر والاقتطاع من المنبع'),
        'copy',
        1,
        {
          optional: true,
          condition: t('Revenus salariaux', 'الدخول الأجرية'),
          issuer: t('Employeur', 'المشغل'),
          legal: { ref: 'cgi' },
          editorNote:
            'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
        },
      ),
      doc(
        'deductions',
        t(
          'Justificatifs des déductions (intérêts de prêt logement, primes de retraite…)',
          'مبررات الخصومات (فوائد قرض السكن، أقساط التقاعد…)',
        ),
        'copy',
        1,
        {
          optional: true,
          condition: t('Lorsque des déductions sont demandées', 'عند طلب خصومات'),
          legal: { ref: 'cgi' },
          editorNote:
            'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
        },
      ),
    ],
    conditions: [
      t(
        'Délais : avant le 1er mars pour les revenus autres que professionnels, et avant le 1er mai pour les revenus professionnels déterminés selon le régime du résultat net réel ou simplifié.',
        'الآجال: قبل فاتح مارس بالنسبة للدخول غير المهنية، وقبل فاتح ماي بالنسبة للدخول المهنية المحددة حسب نظام النتيجة الصافية الحقيقية أو المبسطة.',
      ),
      t(
        "Le salarié qui n'a qu'un seul employeur et pas d'autre revenu est dispensé de déclaration.",
        'يعفى من الإقرار الأجير الذي له مشغل واحد ولا يتوفر على دخل آخر.',
      ),
    ],
    fees: [
      {
        key: 'filing',
        label: t('Dépôt gratuit', 'الإيداع مجاني'),
        amountMad: 0,
        legal: { ref: 'cgi' },
        editorNote:
          'Gratuité constatée à la source consultée ; texte et article qui la fondent à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: t('Accusé de réception immédiat en ligne.', 'إشعار بالتوصل فوري عبر الإنترنت.'),
      legal: { ref: 'cgi', article: 'art. 82' },
    },
    legalBasis: [cgi],
    steps: [
      step('Adhérer aux services en ligne de la DGI', 'الانخراط في الخدمات الإلكترونية للمديرية العامة للضرائب'),
      step('Remplir la déclaration du revenu global', 'ملء الإقرار بالدخل الإجمالي'),
      step('Valider et payer, le cas échéant, le complément d’impôt', 'المصادقة وأداء الضريبة التكميلية عند الاقتضاء'),
    ],
    keywords: {
      fr: [
        'impôt sur le revenu',
        'IR',
        'déclaration de revenus',
        'revenu global',
        'déclaration IR',
        'impôt salaire',
        'revenus fonciers',
      ],
      ar: [
        'الضريبة على الدخل',
        'الضريبه على الدخل',
        'الإقرار بالدخل الإجمالي',
        'التصريح بالدخل',
        'الدخل الإجمالي',
        'الدخول العقارية',
      ],
      darija: ['ir', 'dariba 3la dakhl', 'declaration ir', 'nsrrah b dakhl', 'impot'],
    },
    related: ['attestation-revenu-non-imposition', 'attestation-regularite-fiscale'],
    source: 'https://www.tax.gov.ma',
  },
  {
    slug: 'attestation-revenu-non-imposition',
    owner: 'DGI',
    title: t(
      'Attestation de revenu ou de non-imposition',
      'شهادة الدخل أو شهادة عدم الخضوع للضريبة',
      'Income or non-taxation certificate',
    ),
    summary: t(
      "Attestation délivrée par la DGI indiquant le revenu global déclaré et imposé d'une personne, ou qu'elle n'est pas imposée à l'impôt sur le revenu. Souvent demandée pour une bourse, un logement social, un visa ou un dossier bancaire.",
      'شهادة تسلمها المديرية العامة للضرائب تبين الدخل الإجمالي المصرح به والخاضع للضريبة، أو أن الشخص غير خاضع للضريبة على الدخل. تطلب غالبا للمنحة أو السكن الاجتماعي أو التأشيرة أو الملف البنكي.',
      'Certificate of declared income, or that a person is not liable to income tax; often needed for grants, social housing, visas or banks.',
    ),
    audiences: ['citizens', 'mre'],
    categories: ['tax', 'certificates'],
    lifeEvents: ['studies', 'housing_building', 'travel_abroad'],
    competence: [dgiCompetence],
    channels: [simpl('demande d’attestation en ligne', 'طلب الشهادة عبر الإنترنت'), dgiCounter],
    documents: [
      doc('application', t("Demande d'attestation", 'طلب الشهادة'), 'original', 1, {
        legal: { ref: 'cgi' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      }),
      doc('cnie', t('Copie de la CNIE', 'نسخة من البطاقة الوطنية للتعريف الإلكترونية'), 'copy', 1, {
        legal: { ref: 'cgi' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      }),
      doc('mandate', t('Procuration légalisée', 'وكالة مصححة الإمضاء'), 'original', 1, {
        optional: true,
        condition: t('Demande déposée par un tiers', 'طلب مودع من طرف الغير'),
        legal: { ref: 'cgi' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      }),
    ],
    conditions: [
      t(
        "L'attestation porte sur les revenus connus de l'administration fiscale pour l'année demandée.",
        'تتعلق الشهادة بالدخول المعروفة لدى إدارة الضرائب عن السنة المطلوبة.',
      ),
    ],
    fees: [
      {
        key: 'fee',
        label: t('Gratuite', 'مجانية'),
        amountMad: 0,
        legal: { ref: 'cgi' },
        editorNote:
          'Gratuité constatée à la source consultée ; texte et article qui la fondent à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      legalDays: 60,
      legalUnit: 'calendar_days',
      usual: t('En général immédiate en ligne, quelques jours au guichet.', 'عادة فورية عبر الإنترنت وبضعة أيام بالشباك.'),
      legal: { ref: 'loi-55-19' },
      editorNote:
        "legalDays = plafond général de la loi 55.19 (60 jours ; 30 jours pour les actes liés à l'investissement), non un délai propre à la procédure : article à vérifier sur le texte officiel ; reporter le délai publié par l'administration sur le portail national s'il est plus court.",
    },
    legalBasis: [cgi, loi5519],
    steps: [
      step(
        'Faire la demande en ligne ou au guichet de la subdivision des impôts',
        'تقديم الطلب عبر الإنترنت أو بشباك مصلحة الضرائب',
      ),
      step("Vérification de la situation par l'administration", 'تحقق الإدارة من الوضعية'),
      step("Télécharger ou retirer l'attestation", 'تحميل الشهادة أو سحبها'),
    ],
    keywords: {
      fr: [
        'attestation de revenu',
        'attestation de non imposition',
        'non imposition',
        'attestation revenu global',
        'attestation impôts bourse',
      ],
      ar: ['شهادة الدخل', 'شهادة عدم الخضوع للضريبة', 'شهادة عدم الخضوع', 'شهادة الدخل الإجمالي', 'شهادة عدم الاداء'],
      darija: ['attestation non imposition', 'chahadat dakhl', 'attestation revenu', 'chahada mafiyach dariba'],
    },
    related: ['declaration-impot-revenu'],
    source: 'https://www.tax.gov.ma',
  },
  {
    slug: 'statut-auto-entrepreneur',
    owner: 'MIN-INDUSTRIE',
    title: t(
      "Inscription au registre national de l'auto-entrepreneur",
      'التسجيل في السجل الوطني للمقاول الذاتي',
      'Registering as an auto-entrepreneur',
    ),
    summary: t(
      "Le statut d'auto-entrepreneur permet à une personne physique d'exercer seule une activité commerciale, industrielle, artisanale ou de services avec des formalités simplifiées et un impôt libératoire sur le chiffre d'affaires. L'inscription est gratuite, en ligne ou dans une agence de Barid Al-Maghrib.",
      'يتيح نظام المقاول الذاتي للشخص الذاتي مزاولة نشاط تجاري أو صناعي أو حرفي أو خدماتي بصفة فردية، بإجراءات مبسطة وضريبة محررة تحتسب على رقم الأعمال. التسجيل مجاني عبر الإنترنت أو بوكالات بريد المغرب.',
      'The auto-entrepreneur status lets an individual run a small business alone with simple formalities and a flat tax on turnover; free registration online or at a post office.',
    ),
    audiences: ['citizens', 'mre'],
    categories: ['company', 'tax'],
    lifeEvents: ['start_business', 'employment'],
    competence: [
      {
        orgCodes: ['MIN-INDUSTRIE'],
        service: t(
          "Registre national de l'auto-entrepreneur (tenu par Barid Al-Maghrib pour le compte de l'État)",
          'السجل الوطني للمقاول الذاتي (يمسكه بريد المغرب لحساب الدولة)',
        ),
      },
    ],
    channels: [
      { kind: 'online', where: t("Portail de l'auto-entrepreneur", 'بوابة المقاول الذاتي'), url: 'https://www.ae.gov.ma' },
      { kind: 'counter', where: t('Agences de Barid Al-Maghrib (Poste Maroc)', 'وكالات بريد المغرب') },
    ],
    documents: [
      doc(
        'form',
        t(
          "Formulaire d'inscription au registre national de l'auto-entrepreneur",
          'استمارة التسجيل في السجل الوطني للمقاول الذاتي',
        ),
        'original',
        1,
        {
          legal: { ref: 'loi-114-13' },
          editorNote: 'Article à vérifier sur le texte officiel.',
        },
      ),
      doc(
        'cnie',
        t("Carte nationale d'identité électronique en cours de validité", 'البطاقة الوطنية للتعريف الإلكترونية سارية الصلاحية'),
        'original',
        1,
        {
          legal: { ref: 'loi-114-13' },
          editorNote:
            'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
        },
      ),
      doc('address', t("Adresse de l'activité (domicile ou local)", 'عنوان النشاط (محل السكنى أو المحل)'), 'copy', 1, {
        description: t('Le domicile peut servir d’adresse de l’activité.', 'يمكن استعمال محل السكنى كعنوان للنشاط.'),
        legal: { ref: 'loi-114-13' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      }),
    ],
    conditions: [
      t(
        "Chiffre d'affaires annuel encaissé au plus 500 000 MAD pour les activités commerciales, industrielles et artisanales, et 200 000 MAD pour les prestations de services.",
        'ألا يتجاوز رقم الأعمال السنوي المحصل 500.000 درهم بالنسبة للأنشطة التجارية والصناعية والحرفية، و200.000 درهم بالنسبة لتقديم الخدمات.',
      ),
      t(
        'Être une personne physique exerçant à titre individuel ; certaines activités (professions libérales réglementées notamment) sont exclues par décret.',
        'أن يكون شخصا ذاتيا يزاول نشاطه بصفة فردية، مع استثناء بعض الأنشطة (لا سيما المهن الحرة المنظمة) بموجب مرسوم.',
      ),
      t(
        "Impôt sur le revenu au taux de 0,5 % du chiffre d'affaires (commerce, industrie, artisanat) ou 1 % (services), déclaré et payé chaque trimestre ; le chiffre d'affaires réalisé avec un même client au-delà de 80 000 MAD par an est soumis à une retenue à la source de 30 %.",
        'تحتسب الضريبة على الدخل بسعر 0,5% من رقم الأعمال (التجارة، الصناعة، الحرف) أو 1% (الخدمات)، يصرح بها وتؤدى كل ثلاثة أشهر، ويخضع رقم الأعمال المحقق مع نفس الزبون فيما يتجاوز 80.000 درهم سنويا لاقتطاع من المنبع بسعر 30%.',
      ),
      t(
        "L'auto-entrepreneur est assujetti à l'assurance maladie obligatoire (AMO) gérée par la CNSS.",
        'يخضع المقاول الذاتي للتأمين الإجباري الأساسي عن المرض الذي يدبره الصندوق الوطني للضمان الاجتماعي.',
      ),
    ],
    fees: [
      {
        key: 'fee',
        label: t('Inscription gratuite', 'التسجيل مجاني'),
        amountMad: 0,
        legal: { ref: 'loi-114-13' },
        editorNote:
          'Gratuité constatée à la source consultée ; texte et article qui la fondent à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: t(
        "En général quelques jours ; la carte d'auto-entrepreneur est ensuite délivrée.",
        'عادة بضعة أيام، ثم تسلم بطاقة المقاول الذاتي.',
      ),
      legal: { ref: 'loi-114-13' },
      editorNote: 'Article à vérifier sur le texte officiel.',
    },
    legalBasis: [loi11413, cgi, loi9815],
    steps: [
      step('S’inscrire en ligne ou dans une agence Barid Al-Maghrib', 'التسجيل عبر الإنترنت أو بوكالة بريد المغرب'),
      step(
        'Recevoir le numéro d’inscription au registre, l’identifiant fiscal et l’ICE',
        'تسلم رقم التسجيل في السجل والتعريف الضريبي والتعريف الموحد للمقاولة',
      ),
      step('Retirer la carte d’auto-entrepreneur', 'سحب بطاقة المقاول الذاتي'),
      step(
        "Déclarer et payer chaque trimestre le chiffre d'affaires (en ligne ou à la poste)",
        'التصريح برقم الأعمال وأداء الضريبة كل ثلاثة أشهر (عبر الإنترنت أو بالبريد)',
      ),
    ],
    keywords: {
      fr: [
        'auto-entrepreneur',
        'auto entrepreneur',
        'autoentrepreneur',
        'statut auto-entrepreneur',
        'carte auto-entrepreneur',
        'freelance',
        'travailleur indépendant',
      ],
      ar: [
        'المقاول الذاتي',
        'مقاول ذاتي',
        'بطاقة المقاول الذاتي',
        'نظام المقاول الذاتي',
        'السجل الوطني للمقاول الذاتي',
        'المقاوله الذاتيه',
      ],
      darija: [
        'auto entrepreneur',
        'l auto',
        'lcarte d auto entrepreneur',
        'mo9awil dati',
        'moqawil dati',
        'auto-entrepreneur f lbosta',
      ],
    },
    related: [
      'immatriculation-amo-travailleurs-non-salaries',
      'identifiant-fiscal-taxe-professionnelle',
      'creation-entreprise-cri',
    ],
    source: 'https://www.ae.gov.ma',
  },
  {
    slug: 'affiliation-employeur-cnss',
    owner: 'CNSS',
    title: t(
      "Affiliation d'un employeur à la CNSS",
      'انخراط المشغل في الصندوق الوطني للضمان الاجتماعي',
      'Employer affiliation to the CNSS',
    ),
    summary: t(
      "Toute entreprise ou personne qui emploie au moins un salarié doit s'affilier à la Caisse nationale de sécurité sociale, qui lui attribue un numéro d'affiliation pour déclarer ses salariés et payer les cotisations.",
      'يجب على كل مقاولة أو شخص يشغل أجيرا واحدا على الأقل الانخراط في الصندوق الوطني للضمان الاجتماعي، الذي يمنحه رقم انخراط للتصريح بأجرائه وأداء الاشتراكات.',
      'Every business employing at least one employee must join the CNSS, which assigns an affiliation number used to declare employees and pay contributions.',
    ),
    audiences: ['companies'],
    categories: ['social', 'company'],
    lifeEvents: ['start_business', 'employment'],
    competence: [cnssCompetence],
    channels: [
      damancom,
      cnssCounter,
      { kind: 'counter', where: t("Guichet CNSS du centre régional d'investissement", 'شباك الصندوق بالمركز الجهوي للاستثمار') },
    ],
    documents: [
      doc('form', t("Demande d'affiliation employeur (formulaire CNSS)", 'طلب انخراط المشغل (استمارة الصندوق)'), 'original', 1, {
        legal: { ref: 'dahir-1-72-184' },
        editorNote: 'Article à vérifier sur le texte officiel.',
      }),
      doc(
        'rc',
        t("Certificat d'immatriculation au registre de commerce (modèle 7)", 'شهادة التقييد في السجل التجاري (النموذج 7)'),
        'copy',
        1,
        {
          optional: true,
          condition: t('Employeur commerçant', 'مشغل تاجر'),
          legal: { ref: 'dahir-1-72-184' },
          editorNote:
            'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
        },
      ),
      doc(
        'tp',
        t(
          "Attestation d'inscription à la taxe professionnelle / identifiant fiscal",
          'شهادة التسجيل في الرسم المهني / التعريف الضريبي',
        ),
        'copy',
        1,
        {
          legal: { ref: 'dahir-1-72-184' },
          editorNote:
            'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
        },
      ),
      doc(
        'statutes',
        t('Statuts de la société et procès-verbal de nomination du gérant', 'النظام الأساسي للشركة ومحضر تعيين المسير'),
        'copy',
        1,
        {
          optional: true,
          condition: t('Société', 'الشركة'),
          legal: { ref: 'dahir-1-72-184' },
          editorNote:
            'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
        },
      ),
      doc('cnie', t("Copie de la CNIE de l'employeur ou du gérant", 'نسخة من البطاقة الوطنية للمشغل أو المسير'), 'copy', 1, {
        legal: { ref: 'dahir-1-72-184' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      }),
    ],
    conditions: [
      t(
        "L'affiliation est obligatoire dès l'embauche du premier salarié, quel que soit son contrat.",
        'الانخراط إجباري ابتداء من تشغيل أول أجير كيفما كان عقده.',
      ),
      t(
        "L'employeur doit ensuite immatriculer chaque salarié et déclarer les salaires chaque mois.",
        'يجب على المشغل بعد ذلك تسجيل كل أجير والتصريح بالأجور كل شهر.',
      ),
    ],
    fees: [
      {
        key: 'fee',
        label: t('Affiliation gratuite', 'الانخراط مجاني'),
        amountMad: 0,
        legal: { ref: 'dahir-1-72-184' },
        editorNote:
          'Gratuité constatée à la source consultée ; texte et article qui la fondent à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: t('En général quelques jours.', 'عادة بضعة أيام.'),
      legal: { ref: 'dahir-1-72-184' },
      editorNote: 'Article à vérifier sur le texte officiel.',
    },
    legalBasis: [dahirCnss, loi6500],
    steps: [
      step('Déposer la demande (Damancom, agence CNSS ou CRI)', 'إيداع الطلب (ضمانكم، وكالة الصندوق أو المركز الجهوي للاستثمار)'),
      step("Recevoir le numéro d'affiliation", 'تسلم رقم الانخراط'),
      step('Adhérer à Damancom pour déclarer les salariés en ligne', 'الانخراط في "ضمانكم" للتصريح بالأجراء عبر الإنترنت'),
    ],
    keywords: {
      fr: [
        'affiliation CNSS',
        'CNSS employeur',
        'numéro affiliation',
        'sécurité sociale entreprise',
        'damancom',
        'affilier société CNSS',
      ],
      ar: [
        'الانخراط في الضمان الاجتماعي',
        'انخراط المشغل',
        'الصندوق الوطني للضمان الاجتماعي',
        'رقم الانخراط',
        'ضمانكم',
        'الضمان الاجتماعي',
      ],
      darija: ['cnss', 'dman ijtima3i', 'daman', 'affiliation cnss', 'nkhrat f cnss', 'damancom'],
    },
    related: [
      'immatriculation-salarie-cnss',
      'declaration-salaires-cnss',
      'attestation-affiliation-cnss',
      'creation-entreprise-cri',
    ],
    source: 'https://www.cnss.ma',
  },
  {
    slug: 'immatriculation-salarie-cnss',
    owner: 'CNSS',
    title: t(
      "Immatriculation d'un salarié à la CNSS",
      'تسجيل الأجير في الصندوق الوطني للضمان الاجتماعي',
      'Registering an employee with the CNSS',
    ),
    summary: t(
      "L'employeur affilié immatricule à la CNSS chaque salarié qui n'a pas encore de numéro d'immatriculation, pour qu'il bénéficie des prestations (AMO, allocations familiales, indemnités, retraite).",
      'يسجل المشغل المنخرط لدى الصندوق كل أجير لا يتوفر بعد على رقم تسجيل، ليستفيد من الخدمات (التأمين الإجباري عن المرض، التعويضات العائلية، التعويضات اليومية، التقاعد).',
      'The affiliated employer registers each new employee without a CNSS number so that they receive benefits.',
    ),
    audiences: ['companies', 'citizens'],
    categories: ['social'],
    lifeEvents: ['employment'],
    competence: [cnssCompetence],
    channels: [damancom, cnssCounter],
    documents: [
      doc('form', t("Demande d'immatriculation du salarié", 'طلب تسجيل الأجير'), 'original', 1, {
        legal: { ref: 'dahir-1-72-184' },
        editorNote: 'Article à vérifier sur le texte officiel.',
      }),
      doc(
        'cnie',
        t(
          'Copie de la CNIE du salarié (carte de séjour pour un étranger)',
          'نسخة من البطاقة الوطنية للأجير (بطاقة الإقامة بالنسبة للأجنبي)',
        ),
        'copy',
        1,
        {
          legal: { ref: 'dahir-1-72-184' },
          editorNote:
            'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
        },
      ),
      doc('contract', t("Contrat de travail ou attestation d'embauche", 'عقد الشغل أو شهادة التشغيل'), 'copy', 1, {
        optional: true,
        condition: t('À la demande de l’agence', 'عند طلب الوكالة'),
        legal: { ref: 'dahir-1-72-184' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      }),
    ],
    conditions: [
      t(
        "Le salarié déjà immatriculé garde son numéro à vie : l'employeur le déclare simplement sur le bordereau de salaires.",
        'يحتفظ الأجير المسجل سابقا برقمه مدى الحياة، ويكفي المشغل التصريح به في بيان الأجور.',
      ),
      t("L'immatriculation doit intervenir dès l'embauche.", 'يجب أن يتم التسجيل بمجرد التشغيل.'),
    ],
    fees: [
      {
        key: 'fee',
        label: t('Gratuit', 'مجاني'),
        amountMad: 0,
        legal: { ref: 'dahir-1-72-184' },
        editorNote:
          'Gratuité constatée à la source consultée ; texte et article qui la fondent à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: t('En général quelques jours.', 'عادة بضعة أيام.'),
      legal: { ref: 'dahir-1-72-184' },
      editorNote: 'Article à vérifier sur le texte officiel.',
    },
    legalBasis: [dahirCnss, loi6500],
    steps: [
      step(
        'Saisir la demande sur Damancom (ou déposer le formulaire en agence)',
        'إدخال الطلب على "ضمانكم" (أو إيداع الاستمارة بالوكالة)',
      ),
      step("Recevoir le numéro d'immatriculation du salarié", 'تسلم رقم تسجيل الأجير'),
      step(
        'Déclarer le salarié sur le bordereau de déclaration des salaires du mois',
        'التصريح بالأجير في بيان التصريح بالأجور للشهر',
      ),
    ],
    keywords: {
      fr: ['immatriculation salarié', 'déclarer un salarié CNSS', 'numéro CNSS', 'immatriculation CNSS', 'inscrire employé'],
      ar: [
        'تسجيل الأجير',
        'تسجيل الأجراء',
        'التصريح بالأجير',
        'التصريح بالأجراء',
        'رقم التسجيل في الضمان الاجتماعي',
        'تسجيل العامل في الضمان الاجتماعي',
        'رقم الضمان الاجتماعي',
      ],
      darija: ['nsjel l5dam f cnss', 'numero cnss', 'tasjil f daman', 'ndakhel l3amel cnss', 'raqm cnss'],
    },
    related: ['affiliation-employeur-cnss', 'declaration-salaires-cnss'],
    source: 'https://www.cnss.ma',
  },
  {
    slug: 'declaration-salaires-cnss',
    owner: 'CNSS',
    title: t(
      'Déclaration mensuelle des salaires et paiement des cotisations CNSS',
      'التصريح الشهري بالأجور وأداء الاشتراكات لدى الصندوق الوطني للضمان الاجتماعي',
      'Monthly payroll declaration and CNSS contributions',
    ),
    summary: t(
      "Chaque mois, l'employeur déclare sur Damancom les salariés et les salaires versés (bordereau de déclaration des salaires) et paie les cotisations sociales et AMO.",
      'يصرح المشغل كل شهر عبر "ضمانكم" بالأجراء والأجور المؤداة (بيان التصريح بالأجور) ويؤدي اشتراكات الضمان الاجتماعي والتأمين الإجباري عن المرض.',
      'Each month the employer declares employees and salaries on Damancom and pays social security and health insurance contributions.',
    ),
    audiences: ['companies'],
    categories: ['social'],
    lifeEvents: ['run_business', 'employment'],
    competence: [cnssCompetence],
    channels: [damancom],
    documents: [
      doc('bds', t('Bordereau de déclaration des salaires (électronique)', 'بيان التصريح بالأجور (إلكتروني)'), 'electronic', 1, {
        legal: { ref: 'dahir-1-72-184' },
        editorNote: 'Article à vérifier sur le texte officiel.',
      }),
    ],
    conditions: [
      t(
        'La déclaration et le paiement se font au plus tard le 10 du mois suivant.',
        'يتم التصريح والأداء على أبعد تقدير في اليوم العاشر من الشهر الموالي.',
      ),
      t('Un retard entraîne des majorations et pénalités de retard.', 'يترتب عن التأخير زيادات وغرامات التأخير.'),
    ],
    fees: [
      {
        key: 'filing',
        label: t(
          'Déclaration gratuite ; les cotisations dues sont calculées selon les taux fixés par décret',
          'التصريح مجاني، وتحتسب الاشتراكات المستحقة حسب النسب المحددة بمرسوم',
        ),
        amountMad: 0,
        legal: { ref: 'dahir-1-72-184' },
        editorNote:
          'Gratuité constatée à la source consultée ; texte et article qui la fondent à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: t('Accusé de réception immédiat.', 'إشعار بالتوصل فوري.'),
      legal: { ref: 'dahir-1-72-184' },
      editorNote: 'Article à vérifier sur le texte officiel.',
    },
    legalBasis: [dahirCnss, loi6500],
    steps: [
      step('Se connecter à Damancom', 'الولوج إلى "ضمانكم"'),
      step(
        'Vérifier la liste des salariés pré-établie et saisir les jours et salaires',
        'التحقق من لائحة الأجراء المعدة مسبقا وإدخال الأيام والأجور',
      ),
      step('Valider la déclaration', 'المصادقة على التصريح'),
      step('Payer les cotisations par télépaiement', 'أداء الاشتراكات عن طريق الأداء الإلكتروني'),
    ],
    keywords: {
      fr: ['déclaration des salaires', 'BDS', 'bordereau CNSS', 'cotisations CNSS', 'déclaration mensuelle CNSS', 'damancom'],
      ar: ['التصريح بالأجور', 'بيان الأجور', 'اشتراكات الضمان الاجتماعي', 'التصريح الشهري', 'ضمانكم'],
      darija: ['tasri7 b l2ojor', 'bds', 'nkhless cnss', 'declaration cnss', 'damancom'],
    },
    related: ['affiliation-employeur-cnss', 'immatriculation-salarie-cnss', 'attestation-affiliation-cnss'],
    source: 'https://www.damancom.ma',
  },
  {
    slug: 'attestation-affiliation-cnss',
    owner: 'CNSS',
    title: t(
      "Attestation d'affiliation et de régularité CNSS (employeur)",
      'شهادة الانخراط وانتظام الوضعية لدى الصندوق الوطني للضمان الاجتماعي (المشغل)',
      'CNSS affiliation and compliance certificate (employer)',
    ),
    summary: t(
      "L'employeur obtient auprès de la CNSS une attestation d'affiliation et une attestation de situation régulière (déclarations et cotisations à jour), exigée notamment pour les marchés publics.",
      'يحصل المشغل لدى الصندوق على شهادة الانخراط وشهادة انتظام الوضعية (التصريحات والاشتراكات محينة)، التي تطلب على الخصوص في الصفقات العمومية.',
      'Employers obtain an affiliation certificate and a certificate of good standing (declarations and contributions up to date), required for public procurement.',
    ),
    audiences: ['companies'],
    categories: ['social', 'certificates'],
    lifeEvents: ['run_business'],
    competence: [cnssCompetence],
    channels: [damancom, cnssCounter],
    documents: [
      doc('application', t("Demande d'attestation", 'طلب الشهادة'), 'original', 1, {
        legal: { ref: 'dahir-1-72-184' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      }),
      doc('affiliation-number', t("Numéro d'affiliation de l'employeur", 'رقم انخراط المشغل'), 'copy', 1, {
        legal: { ref: 'dahir-1-72-184' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      }),
      doc('mandate', t('Pouvoir du représentant', 'سند تفويض الممثل'), 'original', 1, {
        optional: true,
        condition: t('Demande au guichet par un tiers', 'الطلب بالشباك من طرف الغير'),
        legal: { ref: 'dahir-1-72-184' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      }),
    ],
    conditions: [
      t(
        "L'attestation de régularité n'est délivrée que si les déclarations de salaires et les cotisations sont à jour.",
        'لا تسلم شهادة انتظام الوضعية إلا إذا كانت التصريحات بالأجور والاشتراكات محينة.',
      ),
    ],
    fees: [
      {
        key: 'fee',
        label: t('Gratuite', 'مجانية'),
        amountMad: 0,
        legal: { ref: 'dahir-1-72-184' },
        editorNote:
          'Gratuité constatée à la source consultée ; texte et article qui la fondent à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: t('Immédiate sur Damancom ; quelques jours en agence.', 'فورية عبر "ضمانكم"، وبضعة أيام بالوكالة.'),
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays. Le décret 2-22-431 (marchés publics), cité auparavant pour ce délai, exige l’attestation des soumissionnaires mais ne paraît pas fixer le délai de sa délivrance (à vérifier).",
    },
    legalBasis: [dahirCnss, decretMarches, loi5519],
    steps: [
      step('Se connecter à Damancom ou se rendre en agence', 'الولوج إلى "ضمانكم" أو التوجه إلى الوكالة'),
      step("Demander l'attestation souhaitée (affiliation ou régularité)", 'طلب الشهادة المطلوبة (الانخراط أو انتظام الوضعية)'),
      step("Télécharger ou retirer l'attestation", 'تحميل الشهادة أو سحبها'),
    ],
    keywords: {
      fr: [
        'attestation CNSS',
        'attestation affiliation',
        'attestation de régularité CNSS',
        'situation régulière CNSS',
        'attestation marché public CNSS',
      ],
      ar: ['شهادة الانخراط', 'شهادة الضمان الاجتماعي', 'شهادة انتظام الوضعية', 'شهاده الانخراط في الضمان الاجتماعي'],
      darija: ['attestation cnss', 'chahada dyal cnss', 'chahadat dman', 'attestation affiliation'],
    },
    related: ['affiliation-employeur-cnss', 'declaration-salaires-cnss', 'attestation-regularite-fiscale'],
    source: 'https://www.cnss.ma',
  },
  {
    slug: 'immatriculation-amo-travailleurs-non-salaries',
    owner: 'CNSS',
    title: t(
      "Immatriculation à l'AMO des travailleurs non salariés (indépendants, commerçants, artisans, professions libérales)",
      'التسجيل في التأمين الإجباري الأساسي عن المرض الخاص بالعمال غير الأجراء (المستقلون، التجار، الحرفيون، المهن الحرة)',
      'Health insurance (AMO) registration for self-employed workers',
    ),
    summary: t(
      "Les travailleurs indépendants et les personnes non salariées qui exercent une activité (commerçants, artisans, auto-entrepreneurs, professions libérales…) sont immatriculés à la CNSS pour l'assurance maladie obligatoire, contre une cotisation selon leur catégorie.",
      'يسجل العمال المستقلون والأشخاص غير الأجراء الذين يزاولون نشاطا (التجار، الحرفيون، المقاولون الذاتيون، أصحاب المهن الحرة…) لدى الصندوق الوطني للضمان الاجتماعي في التأمين الإجباري عن المرض، مقابل اشتراك حسب فئتهم.',
      'Self-employed workers are registered with the CNSS for compulsory health insurance, paying a contribution according to their category.',
    ),
    audiences: ['citizens', 'companies'],
    categories: ['social'],
    lifeEvents: ['start_business', 'run_business'],
    competence: [cnssCompetence],
    channels: [
      {
        kind: 'online',
        where: t('Portail de la CNSS et application « Ma CNSS »', 'بوابة الصندوق وتطبيق "Ma CNSS"'),
        url: 'https://www.cnss.ma',
      },
      cnssCounter,
    ],
    documents: [
      doc('cnie', t('CNIE en cours de validité', 'البطاقة الوطنية للتعريف الإلكترونية سارية الصلاحية'), 'copy', 1, {
        legal: { ref: 'loi-98-15' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      }),
      doc(
        'activity-proof',
        t(
          "Justificatif de l'activité : attestation de taxe professionnelle, RC, carte d'auto-entrepreneur, inscription à l'ordre ou au registre professionnel",
          'ما يثبت النشاط: شهادة الرسم المهني، السجل التجاري، بطاقة المقاول الذاتي، التسجيل في الهيئة أو السجل المهني',
        ),
        'copy',
        1,
        {
          legal: { ref: 'loi-98-15' },
          editorNote:
            'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
        },
      ),
      doc(
        'family',
        t(
          'Pièces justifiant les ayants droit (acte de mariage, actes de naissance des enfants)',
          'الوثائق المثبتة لذوي الحقوق (عقد الزواج، عقود ازدياد الأبناء)',
        ),
        'copy',
        1,
        {
          optional: true,
          condition: t('Pour couvrir le conjoint et les enfants', 'لتغطية الزوج والأبناء'),
          legal: { ref: 'loi-98-15' },
          editorNote:
            'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
        },
      ),
    ],
    conditions: [
      t(
        'Les cotisations sont dues selon le revenu forfaitaire de la catégorie professionnelle fixé par décret ; leur paiement ouvre le droit aux prestations.',
        'تستحق الاشتراكات حسب الدخل الجزافي للفئة المهنية المحدد بمرسوم، ويخول أداؤها الحق في الخدمات.',
      ),
    ],
    fees: [
      {
        key: 'fee',
        label: t('Immatriculation gratuite (cotisations selon la catégorie)', 'التسجيل مجاني (الاشتراكات حسب الفئة)'),
        amountMad: 0,
        legal: { ref: 'loi-98-15' },
        editorNote:
          'Gratuité constatée à la source consultée ; texte et article qui la fondent à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: t('En général quelques jours.', 'عادة بضعة أيام.'),
      legal: { ref: 'loi-98-15' },
      editorNote: 'Article à vérifier sur le texte officiel.',
    },
    legalBasis: [loi9815, loi6500],
    steps: [
      step("S'immatriculer en ligne ou en agence CNSS", 'التسجيل عبر الإنترنت أو بوكالة الصندوق'),
      step('Déclarer les ayants droit', 'التصريح بذوي الحقوق'),
      step('Payer les cotisations aux échéances', 'أداء الاشتراكات في آجالها'),
    ],
    keywords: {
      fr: [
        'AMO',
        'AMO TNS',
        'assurance maladie indépendants',
        'CNSS indépendant',
        'travailleur non salarié',
        'couverture médicale commerçant',
      ],
      ar: ['التأمين الإجباري عن المرض', 'أمو', 'العمال غير الأجراء', 'التغطية الصحية للمستقلين', 'التأمين الصحي'],
      darija: ['amo', 'cnss dyal les independants', 'ta2min 3la lmarad', 'amo tns', 'tghtiya si7iya'],
    },
    related: ['statut-auto-entrepreneur', 'affiliation-employeur-cnss'],
    source: 'https://www.cnss.ma',
  },
  {
    slug: 'vignette-automobile-tsava',
    owner: 'DGI',
    title: t(
      'Paiement de la vignette automobile (taxe spéciale annuelle sur les véhicules)',
      'أداء الضريبة الخصوصية السنوية على السيارات (الفينييت)',
      'Annual vehicle tax (vignette)',
    ),
    summary: t(
      "Le propriétaire d'un véhicule automobile immatriculé au Maroc paie chaque année, en janvier, la taxe spéciale annuelle sur les véhicules (TSAVA), dont le montant dépend de la puissance fiscale et du carburant. Le paiement se fait auprès des banques et intermédiaires agréés, en ligne ou au guichet ; la quittance électronique remplace l'ancienne vignette autocollante.",
      'يؤدي مالك السيارة المسجلة بالمغرب كل سنة، خلال شهر يناير، الضريبة الخصوصية السنوية على السيارات، ويتوقف مبلغها على القوة الجبائية ونوع الوقود. يتم الأداء لدى الأبناك والوسطاء المعتمدين عبر الإنترنت أو بالشباك، ويحل الوصل الإلكتروني محل الملصق القديم.',
      'Owners of vehicles registered in Morocco pay the annual vehicle tax every January; the amount depends on fiscal horsepower and fuel. Payment is made through banks and approved agents, online or at the counter.',
    ),
    audiences: ['citizens', 'companies', 'mre'],
    categories: ['tax', 'transport'],
    lifeEvents: ['driving'],
    competence: [
      {
        orgCodes: ['DGI'],
        service: t(
          'Direction générale des impôts (taxe spéciale annuelle sur les véhicules)',
          'المديرية العامة للضرائب (الضريبة الخصوصية السنوية على السيارات)',
        ),
      },
    ],
    channels: [
      {
        kind: 'online',
        where: t(
          'Sites et applications des banques et des intermédiaires agréés, services en ligne de la DGI',
          'المواقع والتطبيقات الإلكترونية للأبناك والوسطاء المعتمدين، والخدمات الإلكترونية للمديرية العامة للضرائب',
        ),
        url: TAX,
      },
      {
        kind: 'counter',
        where: t(
          'Agences bancaires, Barid Al-Maghrib et autres intermédiaires agréés',
          'الوكالات البنكية وبريد المغرب والوسطاء المعتمدون الآخرون',
        ),
      },
    ],
    documents: [
      doc(
        'registration',
        t("Numéro d'immatriculation du véhicule (carte grise)", 'رقم تسجيل السيارة (البطاقة الرمادية)'),
        'copy',
        1,
        {
          legal: { ref: 'cgi' },
          editorNote:
            'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
        },
      ),
    ],
    conditions: [
      t(
        "Période de paiement : du 1er au 31 janvier de chaque année ; pour un véhicule mis en circulation en cours d'année, dans les 30 jours de sa mise en circulation.",
        'فترة الأداء: من فاتح إلى 31 يناير من كل سنة، وبالنسبة للسيارة التي توضع في السير خلال السنة، داخل أجل 30 يوما من تاريخ وضعها في السير.',
      ),
      t(
        'Certains véhicules sont exonérés dans les conditions prévues par le code, notamment les véhicules électriques et les ambulances.',
        'تعفى بعض السيارات وفق الشروط المنصوص عليها في المدونة، لا سيما السيارات الكهربائية وسيارات الإسعاف.',
      ),
      t('Un paiement tardif entraîne pénalités et majorations.', 'يترتب عن الأداء المتأخر غرامات وزيادات.'),
    ],
    fees: [
      {
        key: 'tsava-petrol-under-8cv',
        label: t(
          'Véhicule à essence de moins de 8 CV fiscaux (montants plus élevés au-delà de 8 CV)',
          'سيارة تعمل بالبنزين تقل قوتها الجبائية عن 8 خيول (مبالغ أعلى فيما فوق 8 خيول)',
        ),
        amountMad: 350,
        payment: t('Paiement en ligne ou au guichet d’un intermédiaire agréé', 'الأداء عبر الإنترنت أو بشباك وسيط معتمد'),
        legal: { ref: 'cgi', article: 'art. 259 à 262' },
      },
      {
        key: 'tsava-diesel-under-8cv',
        label: t(
          'Véhicule diesel de moins de 8 CV fiscaux (montants plus élevés au-delà de 8 CV)',
          'سيارة تعمل بالغازوال تقل قوتها الجبائية عن 8 خيول (مبالغ أعلى فيما فوق 8 خيول)',
        ),
        amountMad: 700,
        payment: t('Paiement en ligne ou au guichet d’un intermédiaire agréé', 'الأداء عبر الإنترنت أو بشباك وسيط معتمد'),
        legal: { ref: 'cgi', article: 'art. 259 à 262' },
      },
    ],
    delay: {
      usual: t('Quittance immédiate après paiement.', 'وصل فوري بعد الأداء.'),
      legal: { ref: 'cgi', article: 'art. 259 à 262' },
    },
    legalBasis: [cgi],
    steps: [
      step(
        'Choisir un canal de paiement (banque en ligne, guichet automatique, agence)',
        'اختيار وسيلة الأداء (البنك عبر الإنترنت، الشباك الأوتوماتيكي، الوكالة)',
      ),
      step(
        "Saisir le numéro d'immatriculation ; le montant est calculé automatiquement",
        'إدخال رقم التسجيل، ويحتسب المبلغ تلقائيا',
      ),
      step('Payer et conserver la quittance électronique', 'الأداء والاحتفاظ بالوصل الإلكتروني'),
    ],
    keywords: {
      fr: [
        'vignette',
        'vignette auto',
        'TSAVA',
        'taxe voiture',
        'taxe spéciale annuelle sur les véhicules',
        'payer vignette en ligne',
      ],
      ar: ['الضريبة الخصوصية السنوية على السيارات', 'الفينيت', 'الفينييت', 'ضريبة السيارات', 'الضريبه على السيارات', 'لافينيت'],
      darija: ['lvignette', 'la vignette', 'vinyet', 'vignette tomobil', 'nkhless lvignette', 'dariba dyal tomobil'],
    },
    related: ['immatriculation-vehicule', 'mutation-vehicule'],
    source: 'https://www.tax.gov.ma',
  },
];
