import type { LegalText, ProcedureSource, RequiredDocument, Step, T } from '../types';

/** Batch B — creating and registering a company: regional investment centres, OMPIC, commercial register, ICE, trademarks. */

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

const DIRECTINFO = 'https://www.directinfo.ma';

const loi4718: LegalText = {
  id: 'loi-47-18',
  title: t(
    "Loi n° 47-18 portant réforme des centres régionaux d'investissement et création des commissions régionales unifiées d'investissement",
    'القانون رقم 47.18 المتعلق بإصلاح المراكز الجهوية للاستثمار وبإحداث اللجان الجهوية الموحدة للاستثمار',
    'Law No. 47-18 reforming the regional investment centres',
  ),
  reference: 'Dahir n° 1-19-18 du 7 joumada II 1440 (13 février 2019)',
  bulletin: 'BO n° 6754 du 21 février 2019',
};
const loi1595: LegalText = {
  id: 'loi-15-95',
  title: t(
    'Loi n° 15-95 formant code de commerce (livre premier, titre IV : le registre du commerce), telle que modifiée notamment par la loi n° 89-17',
    'القانون رقم 15.95 المتعلق بمدونة التجارة (الكتاب الأول، القسم الرابع: السجل التجاري)، كما وقع تغييره لا سيما بالقانون رقم 89.17',
    'Law No. 15-95 on the Commercial Code (commercial register)',
  ),
  reference: 'Dahir n° 1-96-83 du 15 rabii I 1417 (1er août 1996)',
  bulletin: 'BO n° 4418 du 3 octobre 1996',
};
const decretRC: LegalText = {
  id: 'decret-2-96-906',
  title: t(
    'Décret n° 2-96-906 du 18 janvier 1997 pris pour l’application du chapitre relatif au registre du commerce de la loi n° 15-95 formant code de commerce',
    'المرسوم رقم 2.96.906 الصادر في 18 يناير 1997 بتطبيق الباب المتعلق بالسجل التجاري من القانون رقم 15.95 المتعلق بمدونة التجارة',
    'Decree No. 2-96-906 on the commercial register',
  ),
};
const loi1399: LegalText = {
  id: 'loi-13-99',
  title: t(
    "Loi n° 13-99 portant création de l'Office marocain de la propriété industrielle et commerciale (OMPIC)",
    'القانون رقم 13.99 القاضي بإنشاء المكتب المغربي للملكية الصناعية والتجارية',
    'Law No. 13-99 establishing OMPIC',
  ),
  reference: 'Dahir n° 1-00-71 du 9 kaada 1420 (15 février 2000)',
};
const loi8817: LegalText = {
  id: 'loi-88-17',
  title: t(
    'Loi n° 88-17 relative à la création des entreprises par voie électronique et à leur accompagnement',
    'القانون رقم 88.17 المتعلق بإحداث المقاولات بطريقة إلكترونية ومواكبتها',
    'Law No. 88-17 on the electronic creation of companies',
  ),
  bulletin: 'BO n° 6745 du 21 janvier 2019',
};
const decret22292: LegalText = {
  id: 'decret-2-22-92',
  title: t(
    'Décret n° 2-22-92 fixant les modalités et procédures de création des entreprises par voie électronique et de leur accompagnement',
    'المرسوم رقم 2.22.92 بتحديد كيفيات وإجراءات إحداث المقاولات بطريقة إلكترونية ومواكبتها',
    'Decree No. 2-22-92 on the electronic creation of companies',
  ),
};
const loi596: LegalText = {
  id: 'loi-5-96',
  title: t(
    'Loi n° 5-96 sur la société en nom collectif, la société en commandite simple, la société en commandite par actions, la société à responsabilité limitée et la société en participation',
    'القانون رقم 5.96 المتعلق بشركة التضامن وشركة التوصية البسيطة وشركة التوصية بالأسهم والشركة ذات المسؤولية المحدودة وشركة المحاصة',
    'Law No. 5-96 on partnerships and limited liability companies (SARL)',
  ),
  reference: 'Dahir n° 1-97-49 du 5 chaoual 1417 (13 février 1997)',
};
const loi1795: LegalText = {
  id: 'loi-17-95',
  title: t(
    'Loi n° 17-95 relative aux sociétés anonymes',
    'القانون رقم 17.95 المتعلق بشركات المساهمة',
    'Law No. 17-95 on public limited companies',
  ),
  reference: 'Dahir n° 1-96-124 du 14 rabii II 1417 (30 août 1996)',
};
const cgi: LegalText = {
  id: 'cgi',
  title: t(
    'Code général des impôts (institué par l’article 5 de la loi de finances n° 43-06 pour l’année 2007), dans sa version en vigueur',
    'المدونة العامة للضرائب (المحدثة بموجب المادة 5 من قانون المالية رقم 43.06 للسنة المالية 2007)، في صيغتها الجاري بها العمل',
    'General Tax Code',
  ),
  url: 'https://www.tax.gov.ma',
};
const decretICE: LegalText = {
  id: 'decret-2-11-63',
  title: t(
    "Décret n° 2-11-63 relatif à l'identifiant commun de l'entreprise (ICE)",
    'المرسوم رقم 2.11.63 المتعلق بالتعريف الموحد للمقاولة',
    'Decree No. 2-11-63 on the common company identifier (ICE)',
  ),
};
const loi1797: LegalText = {
  id: 'loi-17-97',
  title: t(
    'Loi n° 17-97 relative à la protection de la propriété industrielle, telle que modifiée et complétée par les lois n° 31-05 et n° 23-13',
    'القانون رقم 17.97 المتعلق بحماية الملكية الصناعية، كما وقع تغييره وتتميمه بالقانونين رقم 31.05 ورقم 23.13',
    'Law No. 17-97 on the protection of industrial property',
  ),
  reference: 'Dahir n° 1-00-19 du 9 kaada 1420 (15 février 2000)',
};

const idCard = doc(
  'cnie',
  t(
    "Copie de la carte nationale d'identité électronique (ou du passeport / de la carte de séjour pour un étranger) des associés et dirigeants",
    'نسخة من البطاقة الوطنية للتعريف الإلكترونية (أو جواز السفر / بطاقة الإقامة بالنسبة للأجنبي) للشركاء والمسيرين',
  ),
  'copy',
  1,
);
const negativeCertificate = doc(
  'negative-certificate',
  t('Certificat négatif (dénomination commerciale)', 'الشهادة السلبية (الاسم التجاري)'),
  'original',
  1,
  { issuer: t('OMPIC — registre central du commerce', 'المكتب المغربي للملكية الصناعية والتجارية — السجل التجاري المركزي') },
);
const statutes = doc(
  'statutes',
  t('Statuts de la société signés et enregistrés', 'النظام الأساسي للشركة موقع ومسجل'),
  'original',
  2,
  {
    issuer: t(
      'Rédigés par les associés, un notaire, un avocat ou un expert-comptable ; enregistrés à la DGI',
      'يحرره الشركاء أو موثق أو محام أو خبير محاسب، ويسجل لدى المديرية العامة للضرائب',
    ),
  },
);
const seat = doc(
  'seat',
  t(
    'Justificatif du siège social : contrat de bail, titre de propriété ou contrat de domiciliation',
    'ما يثبت المقر الاجتماعي: عقد الكراء أو رسم الملكية أو عقد التوطين',
  ),
  'copy',
  1,
);

export const company: ProcedureSource[] = [
  {
    slug: 'creation-entreprise-cri',
    owner: 'CRI-MA',
    title: t(
      "Création d'entreprise au centre régional d'investissement (CRI)",
      'إحداث مقاولة لدى المركز الجهوي للاستثمار',
      'Setting up a company at the regional investment centre (CRI)',
    ),
    summary: t(
      "Le centre régional d'investissement accompagne la création d'une entreprise (personne physique ou société) et coordonne en un seul lieu les formalités : certificat négatif, enregistrement des statuts, taxe professionnelle et identifiant fiscal, registre de commerce, ICE et affiliation à la CNSS.",
      'يواكب المركز الجهوي للاستثمار إحداث المقاولة (شخص ذاتي أو شركة) وينسق في مكان واحد الإجراءات: الشهادة السلبية، تسجيل النظام الأساسي، الرسم المهني والتعريف الجبائي، السجل التجاري، التعريف الموحد للمقاولة والانخراط في الصندوق الوطني للضمان الاجتماعي.',
      'The regional investment centre helps entrepreneurs create a business and coordinates all formalities in one place: negative certificate, registration of statutes, tax identifiers, commercial register, ICE and CNSS affiliation.',
    ),
    audiences: ['companies', 'citizens', 'mre'],
    categories: ['company'],
    lifeEvents: ['start_business'],
    competence: [
      {
        orgCodes: ['CRI-MA'],
        service: t(
          "Centre régional d'investissement de la région du siège (pôle création d'entreprises)",
          'المركز الجهوي للاستثمار بجهة المقر (قطب إحداث المقاولات)',
          'Regional investment centre of the region of the head office',
        ),
      },
    ],
    channels: [
      {
        kind: 'counter',
        where: t("Guichet du centre régional d'investissement de la région", 'شباك المركز الجهوي للاستثمار بالجهة'),
      },
      {
        kind: 'online',
        where: t(
          "Site du CRI de la région (prise de rendez-vous, suivi) ou plateforme électronique de création d'entreprises",
          'الموقع الإلكتروني للمركز الجهوي للاستثمار (أخذ موعد، التتبع) أو المنصة الإلكترونية لإحداث المقاولات',
        ),
      },
    ],
    documents: [
      doc('form', t("Formulaire unique de création d'entreprise", 'الاستمارة الموحدة لإحداث المقاولة'), 'original', 1, {
        issuer: t("Centre régional d'investissement", 'المركز الجهوي للاستثمار'),
        legal: { ref: 'loi-47-18' },
        editorNote:
          'Pièce du dossier unique de création, exigée par les textes propres à chaque formalité (registre du commerce, fiscalité, droit des sociétés) : texte exact et article à vérifier sur le texte officiel.',
      }),
      {
        ...idCard,
        legal: { ref: 'loi-47-18' },
        editorNote:
          'Pièce du dossier unique de création, exigée par les textes propres à chaque formalité (registre du commerce, fiscalité, droit des sociétés) : texte exact et article à vérifier sur le texte officiel.',
      },
      {
        ...negativeCertificate,
        legal: { ref: 'loi-15-95' },
        editorNote:
          'Pièce exigée au titre du registre du commerce (loi 15-95 et décret 2-96-906) : texte exact et article à vérifier sur le texte officiel.',
      },
      {
        ...statutes,
        optional: true,
        condition: t('Société', 'الشركة'),
        legal: { ref: 'loi-5-96' },
        editorNote:
          'Pièce exigée par le droit des sociétés (loi 5-96 ; loi 17-95 pour les sociétés anonymes) : texte selon la forme de la société et article à vérifier sur le texte officiel.',
      },
      doc(
        'bank-certificate',
        t('Attestation bancaire de dépôt (blocage) du capital', 'شهادة بنكية بإيداع (تجميد) رأس المال'),
        'original',
        1,
        {
          optional: true,
          condition: t('Société dont le capital est libéré en numéraire', 'شركة محرر رأسمالها نقدا'),
          issuer: t('Banque', 'البنك'),
          legal: { ref: 'loi-5-96' },
          editorNote:
            'Pièce exigée par le droit des sociétés (loi 5-96 ; loi 17-95 pour les sociétés anonymes) : texte selon la forme de la société et article à vérifier sur le texte officiel.',
        },
      ),
      {
        ...seat,
        legal: { ref: 'loi-47-18' },
        editorNote:
          'Pièce du dossier unique de création, exigée par les textes propres à chaque formalité (registre du commerce, fiscalité, droit des sociétés) : texte exact et article à vérifier sur le texte officiel.',
      },
      doc(
        'appointment',
        t(
          'Procès-verbal de nomination des dirigeants (s’ils ne sont pas nommés dans les statuts)',
          'محضر تعيين المسيرين (إذا لم يعينوا في النظام الأساسي)',
        ),
        'original',
        1,
        {
          optional: true,
          condition: t('Société', 'الشركة'),
          legal: { ref: 'loi-5-96' },
          editorNote:
            'Pièce exigée par le droit des sociétés (loi 5-96 ; loi 17-95 pour les sociétés anonymes) : texte selon la forme de la société et article à vérifier sur le texte officiel.',
        },
      ),
    ],
    conditions: [
      t(
        'Le porteur de projet peut agir lui-même ou par un mandataire (avocat, notaire, expert-comptable, comptable agréé).',
        'يمكن لحامل المشروع القيام بالإجراءات بنفسه أو بواسطة وكيل (محام، موثق، خبير محاسب، محاسب معتمد).',
      ),
      t(
        "Les activités réglementées exigent en plus l'autorisation du secteur concerné.",
        'تتطلب الأنشطة المنظمة إضافة إلى ذلك ترخيص القطاع المعني.',
      ),
    ],
    fees: [
      {
        key: 'cri-service',
        label: t("Service du centre régional d'investissement", 'خدمة المركز الجهوي للاستثمار'),
        amountMad: 0,
        legal: { ref: 'loi-47-18' },
        editorNote:
          'Gratuité constatée à la source consultée ; texte et article qui la fondent à vérifier sur le texte officiel.',
      },
      {
        key: 'negative-certificate',
        label: t('Certificat négatif (OMPIC)', 'الشهادة السلبية (المكتب المغربي للملكية الصناعية والتجارية)'),
        amountMad: 230,
        editorNote:
          'Tarif OMPIC du certificat négatif non vérifié hors ligne. Tarif fixé par l’OMPIC : texte qui le fixe et article à vérifier sur le texte officiel.',
        payment: t('Au guichet OMPIC du CRI ou en ligne', 'بشباك المكتب بالمركز أو عبر الإنترنت'),
        legal: { ref: 'loi-13-99' },
      },
      {
        key: 'commercial-register',
        label: t(
          'Droits de greffe du registre de commerce (dépôt des actes et immatriculation d’une société, environ)',
          'الرسوم القضائية للسجل التجاري (إيداع العقود وتقييد الشركة، تقريبا)',
        ),
        kind: 'variable',
        basis: t(
          'Selon la forme de l’entreprise et les actes déposés (environ 350 MAD pour une société)',
          'حسب شكل المقاولة والعقود المودعة (حوالي 350 درهما بالنسبة لشركة)',
        ),
        editorNote:
          'Montant approximatif (« environ ») non vérifié hors ligne : à confirmer avec le tarif des greffes. Droits de greffe fixés par le tarif des frais de justice : texte exact et article à vérifier sur le texte officiel.',
        payment: t('Au greffe du tribunal', 'بكتابة الضبط بالمحكمة'),
        legal: { ref: 'loi-15-95' },
      },
    ],
    delay: {
      legalDays: 30,
      legalUnit: 'calendar_days',
      usual: t(
        'En général quelques jours pour une entreprise individuelle, 1 à 2 semaines pour une société, selon les délais des administrations.',
        'عادة بضعة أيام بالنسبة للمقاولة الفردية، ومن أسبوع إلى أسبوعين بالنسبة للشركة، حسب آجال الإدارات.',
      ),
      legal: { ref: 'loi-55-19' },
      editorNote:
        "legalDays = plafond général de la loi 55.19 pour les actes liés à l'investissement (30 jours), non un délai propre à la procédure : article à vérifier sur le texte officiel ; reporter le délai publié par l'administration sur le portail national s'il est plus court.",
    },
    legalBasis: [
      loi4718,
      loi1595,
      loi596,
      loi1795,
      loi8817,
      {
        id: 'loi-55-19',
        title: t(
          'Loi n° 55-19 relative à la simplification des procédures et des formalités administratives',
          'القانون رقم 55.19 المتعلق بتبسيط المساطر والإجراءات الإدارية',
        ),
        bulletin: 'BO n° 6866 du 19 mars 2020',
      },
      loi1399,
    ],
    steps: [
      step('Choisir la forme juridique et obtenir le certificat négatif', 'اختيار الشكل القانوني والحصول على الشهادة السلبية'),
      step(
        'Rédiger, signer et faire enregistrer les statuts ; déposer le capital en banque',
        'تحرير وتوقيع وتسجيل النظام الأساسي وإيداع رأس المال في البنك',
      ),
      step(
        'Déposer le dossier unique au CRI',
        'إيداع الملف الموحد لدى المركز الجهوي للاستثمار',
        'Le CRI transmet aux services concernés : taxe professionnelle et identifiant fiscal (DGI), registre de commerce (tribunal), ICE et CNSS.',
        'يحيل المركز الملف على المصالح المعنية: الرسم المهني والتعريف الجبائي (المديرية العامة للضرائب)، السجل التجاري (المحكمة)، التعريف الموحد للمقاولة والصندوق الوطني للضمان الاجتماعي.',
      ),
      step(
        'Publier l’avis de constitution au journal d’annonces légales et au Bulletin officiel',
        'نشر إعلان التأسيس في جريدة مخول لها نشر الإعلانات القانونية وفي الجريدة الرسمية',
      ),
      step(
        "Retirer les identifiants : RC, identifiant fiscal, taxe professionnelle, ICE, numéro d'affiliation CNSS",
        'سحب المعرفات: السجل التجاري، التعريف الجبائي، الرسم المهني، التعريف الموحد للمقاولة، رقم الانخراط في الضمان الاجتماعي',
      ),
    ],
    keywords: {
      fr: [
        'création entreprise',
        'créer une société',
        'créer SARL',
        'SARL AU',
        'CRI',
        'centre régional investissement',
        'guichet unique',
        'monter sa boîte',
      ],
      ar: [
        'إحداث مقاولة',
        'انشاء شركة',
        'إنشاء شركة',
        'تأسيس شركة',
        'المركز الجهوي للاستثمار',
        'مركز الاستثمار',
        'شركة ذات مسؤولية محدودة',
      ],
      darija: ['ndir charika', 'n7el charika', 'creation charika', 'cri', 'charika sarl', 'ndir sarl'],
    },
    related: [
      'certificat-negatif',
      'immatriculation-registre-commerce',
      'identifiant-fiscal-taxe-professionnelle',
      'identifiant-commun-entreprise-ice',
      'affiliation-employeur-cnss',
      'creation-entreprise-en-ligne',
    ],
    source: 'https://www.idarati.ma ; sites des CRI',
  },
  {
    slug: 'creation-entreprise-en-ligne',
    owner: 'OMPIC',
    title: t(
      "Création d'entreprise en ligne (plateforme électronique de création des entreprises)",
      'إحداث المقاولة عبر الإنترنت (المنصة الإلكترونية لإحداث المقاولات)',
      'Online company creation (electronic platform)',
    ),
    summary: t(
      "La plateforme électronique gérée par l'OMPIC permet de réaliser en ligne toutes les formalités de création : certificat négatif, dépôt des statuts, enregistrement, taxe professionnelle, registre de commerce électronique, ICE et CNSS, sans se déplacer.",
      'تتيح المنصة الإلكترونية التي يدبرها المكتب المغربي للملكية الصناعية والتجارية إنجاز جميع إجراءات الإحداث عن بعد: الشهادة السلبية، إيداع النظام الأساسي، التسجيل، الرسم المهني، السجل التجاري الإلكتروني، التعريف الموحد للمقاولة والضمان الاجتماعي.',
      'The electronic platform run by OMPIC handles every creation formality online: negative certificate, statutes, registration, professional tax, electronic commercial register, ICE and CNSS.',
    ),
    audiences: ['companies', 'citizens', 'mre'],
    categories: ['company'],
    lifeEvents: ['start_business'],
    competence: [
      {
        orgCodes: ['OMPIC'],
        service: t(
          'Plateforme électronique de création des entreprises et de leur accompagnement (OMPIC)',
          'المنصة الإلكترونية لإحداث المقاولات ومواكبتها (المكتب المغربي للملكية الصناعية والتجارية)',
        ),
      },
    ],
    channels: [
      {
        kind: 'online',
        where: t(
          'Plateforme électronique de création des entreprises (accès par le déclarant ou par un professionnel mandaté)',
          'المنصة الإلكترونية لإحداث المقاولات (ولوج المصرح أو مهني مفوض)',
        ),
      },
      {
        kind: 'counter',
        where: t(
          "Centre régional d'investissement (assistance au dépôt électronique)",
          'المركز الجهوي للاستثمار (المساعدة على الإيداع الإلكتروني)',
        ),
      },
    ],
    documents: [
      doc('statutes', t('Statuts signés (format électronique)', 'النظام الأساسي موقع (صيغة إلكترونية)'), 'electronic', 1, {
        legal: { ref: 'decret-2-22-92' },
        editorNote: 'Article à vérifier sur le texte officiel.',
      }),
      doc(
        'cnie',
        t(
          'CNIE ou passeport des associés et dirigeants (copie numérique)',
          'البطاقة الوطنية أو جواز سفر الشركاء والمسيرين (نسخة رقمية)',
        ),
        'electronic',
        1,
        {
          legal: { ref: 'decret-2-22-92' },
          editorNote: 'Pièce exigée au titre de la loi 88-17 et du décret 2-22-92 : article à vérifier sur le texte officiel.',
        },
      ),
      doc(
        'seat',
        t('Justificatif du siège social (bail, titre ou domiciliation)', 'ما يثبت المقر الاجتماعي (كراء، ملكية أو توطين)'),
        'electronic',
        1,
        {
          legal: { ref: 'decret-2-22-92' },
          editorNote: 'Pièce exigée au titre de la loi 88-17 et du décret 2-22-92 : article à vérifier sur le texte officiel.',
        },
      ),
      doc('bank-certificate', t('Attestation bancaire de dépôt du capital', 'شهادة بنكية بإيداع رأس المال'), 'electronic', 1, {
        optional: true,
        condition: t('Capital libéré en numéraire', 'رأس مال محرر نقدا'),
        legal: { ref: 'decret-2-22-92' },
        editorNote: 'Pièce exigée au titre de la loi 88-17 et du décret 2-22-92 : article à vérifier sur le texte officiel.',
      }),
      doc('mandate', t('Mandat du professionnel', 'وكالة المهني'), 'electronic', 1, {
        optional: true,
        condition: t('Dépôt par un mandataire', 'الإيداع بواسطة وكيل'),
        legal: { ref: 'decret-2-22-92' },
        editorNote: 'Pièce exigée au titre de la loi 88-17 et du décret 2-22-92 : article à vérifier sur le texte officiel.',
      }),
    ],
    conditions: [
      t(
        "Le déclarant doit disposer d'une identité numérique ou d'un compte sur la plateforme ; les pièces sont déposées sous forme électronique.",
        'يجب أن يتوفر المصرح على هوية رقمية أو حساب على المنصة، وتودع الوثائق بشكل إلكتروني.',
      ),
    ],
    fees: [
      {
        key: 'negative-certificate',
        label: t('Certificat négatif (OMPIC)', 'الشهادة السلبية'),
        amountMad: 230,
        editorNote:
          'Tarif OMPIC du certificat négatif non vérifié hors ligne. Tarif fixé par l’OMPIC : texte qui le fixe et article à vérifier sur le texte officiel.',
        payment: t('Paiement en ligne', 'الأداء عبر الإنترنت'),
        legal: { ref: 'loi-13-99' },
      },
      {
        key: 'commercial-register',
        label: t(
          'Droits d’immatriculation au registre de commerce (société, environ)',
          'رسوم التقييد في السجل التجاري (شركة، تقريبا)',
        ),
        kind: 'variable',
        basis: t(
          'Selon la forme de l’entreprise et les actes déposés (environ 350 MAD pour une société)',
          'حسب شكل المقاولة والعقود المودعة (حوالي 350 درهما بالنسبة لشركة)',
        ),
        editorNote:
          'Montant approximatif (« environ ») non vérifié hors ligne : à confirmer avec le tarif des greffes. Droits de greffe fixés par le tarif des frais de justice : texte exact et article à vérifier sur le texte officiel.',
        payment: t('Paiement en ligne', 'الأداء عبر الإنترنت'),
        legal: { ref: 'loi-15-95' },
      },
    ],
    delay: {
      usual: t('En général quelques jours lorsque le dossier est complet.', 'عادة بضعة أيام عندما يكون الملف كاملا.'),
      legal: { ref: 'loi-88-17' },
      editorNote: 'Article à vérifier sur le texte officiel.',
    },
    legalBasis: [loi8817, decret22292, loi1399, loi1595],
    steps: [
      step('Créer un compte sur la plateforme et choisir la forme juridique', 'إنشاء حساب على المنصة واختيار الشكل القانوني'),
      step('Réserver la dénomination (certificat négatif)', 'حجز الاسم التجاري (الشهادة السلبية)'),
      step('Déposer les statuts et les pièces, payer en ligne', 'إيداع النظام الأساسي والوثائق والأداء عبر الإنترنت'),
      step(
        'Suivre le traitement par les administrations (DGI, tribunal, CNSS)',
        'تتبع معالجة الملف من طرف الإدارات (المديرية العامة للضرائب، المحكمة، الضمان الاجتماعي)',
      ),
      step(
        'Télécharger les attestations : RC, IF, TP, ICE, CNSS',
        'تحميل الشهادات: السجل التجاري، التعريف الجبائي، الرسم المهني، التعريف الموحد، الضمان الاجتماعي',
      ),
    ],
    keywords: {
      fr: [
        'création entreprise en ligne',
        'créer société en ligne',
        'e-entreprise',
        'plateforme création entreprise',
        'création électronique',
        'OMPIC',
      ],
      ar: ['إحداث المقاولة إلكترونيا', 'انشاء شركة عبر الانترنت', 'المنصة الإلكترونية لإحداث المقاولات', 'تأسيس شركة أونلاين'],
      darija: ['ndir charika online', 'charika f internet', 'creation online', 'charika b internet'],
    },
    related: ['creation-entreprise-cri', 'certificat-negatif', 'immatriculation-registre-commerce'],
    source: 'https://www.ompic.ma',
  },
  {
    slug: 'certificat-negatif',
    owner: 'OMPIC',
    title: t(
      'Certificat négatif (réservation de la dénomination commerciale)',
      'الشهادة السلبية (حجز الاسم التجاري)',
      'Negative certificate (company name reservation)',
    ),
    summary: t(
      "Attestation de l'OMPIC (registre central du commerce) qu'une dénomination, une enseigne ou un nom commercial n'est pas déjà utilisé. Obligatoire pour immatriculer une société au registre de commerce.",
      'شهادة يسلمها المكتب المغربي للملكية الصناعية والتجارية (السجل التجاري المركزي) تثبت أن التسمية أو الشعار أو الاسم التجاري غير مستعمل. إجبارية لتقييد الشركة في السجل التجاري.',
      'OMPIC certificate that a company name, trade name or sign is not already in use; required to register a company.',
    ),
    audiences: ['companies', 'citizens', 'mre'],
    categories: ['company'],
    lifeEvents: ['start_business'],
    competence: [
      {
        orgCodes: ['OMPIC'],
        service: t(
          'Registre central du commerce (OMPIC)',
          'السجل التجاري المركزي (المكتب المغربي للملكية الصناعية والتجارية)',
          'Central commercial register',
        ),
      },
    ],
    channels: [
      {
        kind: 'online',
        where: t('Service en ligne DirectInfo de l’OMPIC', 'خدمة "دايركت إنفو" الإلكترونية للمكتب'),
        url: DIRECTINFO,
      },
      {
        kind: 'counter',
        where: t(
          "Guichet de l'OMPIC ou antenne OMPIC dans les centres régionaux d'investissement",
          'شباك المكتب أو فرعه بالمراكز الجهوية للاستثمار',
        ),
      },
    ],
    documents: [
      doc(
        'application',
        t(
          'Demande de certificat négatif indiquant une ou plusieurs dénominations par ordre de préférence',
          'طلب الشهادة السلبية يتضمن تسمية أو عدة تسميات حسب الأفضلية',
        ),
        'original',
        1,
        {
          legal: { ref: 'decret-2-96-906' },
          editorNote:
            'Pièce exigée au titre du registre du commerce (loi 15-95 et décret 2-96-906) : texte exact et article à vérifier sur le texte officiel.',
        },
      ),
      doc(
        'cnie',
        t(
          'Copie de la CNIE (ou passeport) du demandeur',
          'نسخة من البطاقة الوطنية للتعريف الإلكترونية (أو جواز السفر) لصاحب الطلب',
        ),
        'copy',
        1,
        {
          legal: { ref: 'decret-2-96-906' },
          editorNote:
            'Pièce exigée au titre du registre du commerce (loi 15-95 et décret 2-96-906) : texte exact et article à vérifier sur le texte officiel.',
        },
      ),
      doc('mandate', t('Procuration', 'وكالة'), 'original', 1, {
        optional: true,
        condition: t('Demande faite pour le compte d’un tiers', 'طلب لحساب الغير'),
        legal: { ref: 'decret-2-96-906' },
        editorNote:
          'Pièce exigée au titre du registre du commerce (loi 15-95 et décret 2-96-906) : texte exact et article à vérifier sur le texte officiel.',
      }),
    ],
    conditions: [
      t(
        'Obligatoire pour les sociétés commerciales ; facultatif pour la personne physique qui n’utilise pas de nom commercial ou d’enseigne.',
        'إجبارية بالنسبة للشركات التجارية، واختيارية بالنسبة للشخص الذاتي الذي لا يستعمل اسما تجاريا أو شعارا.',
      ),
      t(
        "La dénomination ne doit pas être identique à une dénomination existante, ni contraire à l'ordre public, ni trompeuse.",
        'يجب ألا تكون التسمية مطابقة لتسمية موجودة، ولا مخالفة للنظام العام، ولا مضللة.',
      ),
      t(
        "Le certificat doit être utilisé pour l'immatriculation dans le délai de validité indiqué ; au-delà, la dénomination n'est plus réservée.",
        'يجب استعمال الشهادة للتقييد داخل أجل الصلاحية المبين فيها، وبعده لا تبقى التسمية محجوزة.',
      ),
    ],
    fees: [
      {
        key: 'fee',
        label: t('Frais du certificat négatif (par dénomination ou enseigne)', 'مصاريف الشهادة السلبية (عن كل تسمية أو شعار)'),
        amountMad: 230,
        editorNote:
          'Tarif OMPIC du certificat négatif non vérifié hors ligne. Tarif fixé par l’OMPIC : texte qui le fixe et article à vérifier sur le texte officiel.',
        payment: t('En ligne par carte bancaire ou au guichet', 'عبر الإنترنت بالبطاقة البنكية أو بالشباك'),
        legal: { ref: 'loi-13-99' },
      },
    ],
    delay: {
      usual: t(
        'En général 24 à 48 heures ; souvent le jour même en ligne.',
        'عادة من 24 إلى 48 ساعة، وغالبا في نفس اليوم عبر الإنترنت.',
      ),
      legal: { ref: 'decret-2-96-906' },
      editorNote: 'Article à vérifier sur le texte officiel.',
    },
    legalBasis: [loi1595, decretRC, loi1399],
    steps: [
      step('Vérifier la disponibilité du nom sur DirectInfo', 'التحقق من توفر الاسم على "دايركت إنفو"'),
      step('Déposer la demande (en ligne ou au guichet) et payer', 'إيداع الطلب (عبر الإنترنت أو بالشباك) والأداء'),
      step('Retirer ou télécharger le certificat négatif', 'سحب أو تحميل الشهادة السلبية'),
    ],
    keywords: {
      fr: [
        'certificat négatif',
        'certificat negatif',
        'nom commercial',
        'dénomination',
        'réservation nom société',
        'OMPIC',
        'directinfo',
      ],
      ar: ['الشهادة السلبية', 'شهادة سلبية', 'الشهاده السلبيه', 'الاسم التجاري', 'حجز اسم الشركة', 'التسمية التجارية'],
      darija: ['certificat negatif', 'chahada salbiya', 'smiya dyal charika', 'ompic', 'sertifika negatif'],
    },
    related: ['creation-entreprise-cri', 'immatriculation-registre-commerce', 'depot-marque-ompic'],
    source: 'https://www.directinfo.ma ; https://www.ompic.ma',
  },
  {
    slug: 'immatriculation-registre-commerce',
    owner: 'MIN-JUSTICE',
    title: t('Immatriculation au registre de commerce', 'التقييد في السجل التجاري', 'Registration in the commercial register'),
    summary: t(
      "Toute personne physique ou morale qui exerce une activité commerciale doit se faire immatriculer au registre de commerce tenu par le greffe du tribunal de commerce (ou du tribunal de première instance). L'immatriculation donne un numéro RC et le certificat « modèle 7 ».",
      'يجب على كل شخص ذاتي أو معنوي يزاول نشاطا تجاريا التقييد في السجل التجاري الممسوك بكتابة الضبط بالمحكمة التجارية (أو المحكمة الابتدائية). يمنح التقييد رقم السجل التجاري وشهادة "النموذج 7".',
      'Every trader (individual or company) must register in the commercial register kept by the commercial court registry; registration gives the RC number.',
    ),
    audiences: ['companies', 'citizens', 'mre'],
    categories: ['company'],
    lifeEvents: ['start_business'],
    competence: [
      {
        orgType: 'court',
        service: t(
          'Greffe du tribunal de commerce (ou du tribunal de première instance) du siège ou de l’établissement principal — service du registre de commerce',
          'كتابة الضبط بالمحكمة التجارية (أو المحكمة الابتدائية) لمقر الشركة أو المؤسسة الرئيسية — مصلحة السجل التجاري',
          'Registry of the commercial court',
        ),
      },
    ],
    channels: [
      {
        kind: 'counter',
        where: t('Greffe du tribunal, ou par l’intermédiaire du CRI', 'كتابة الضبط بالمحكمة، أو بواسطة المركز الجهوي للاستثمار'),
      },
      {
        kind: 'online',
        where: t(
          'Registre de commerce électronique via la plateforme de création des entreprises',
          'السجل التجاري الإلكتروني عبر منصة إحداث المقاولات',
        ),
      },
    ],
    documents: [
      doc(
        'declaration',
        t(
          "Déclaration d'immatriculation (formulaire du registre de commerce) signée",
          'التصريح بالتقييد (استمارة السجل التجاري) موقع',
        ),
        'original',
        3,
        { legal: { ref: 'decret-2-96-906' }, editorNote: 'Article à vérifier sur le texte officiel.' },
      ),
      {
        ...negativeCertificate,
        legal: { ref: 'decret-2-96-906' },
        editorNote:
          'Pièce exigée au titre du registre du commerce (loi 15-95 et décret 2-96-906) : texte exact et article à vérifier sur le texte officiel.',
      },
      {
        ...statutes,
        optional: true,
        condition: t('Société', 'الشركة'),
        legal: { ref: 'decret-2-96-906' },
        editorNote:
          'Pièce exigée au titre du registre du commerce (loi 15-95 et décret 2-96-906) : texte exact et article à vérifier sur le texte officiel.',
      },
      doc(
        'tp-certificate',
        t("Attestation d'inscription à la taxe professionnelle", 'شهادة التسجيل في الرسم المهني'),
        'copy',
        1,
        {
          issuer: t('Direction générale des impôts', 'المديرية العامة للضرائب'),
          legal: { ref: 'decret-2-96-906' },
          editorNote:
            'Pièce exigée au titre du registre du commerce (loi 15-95 et décret 2-96-906) : texte exact et article à vérifier sur le texte officiel.',
        },
      ),
      {
        ...idCard,
        legal: { ref: 'decret-2-96-906' },
        editorNote:
          'Pièce exigée au titre du registre du commerce (loi 15-95 et décret 2-96-906) : texte exact et article à vérifier sur le texte officiel.',
      },
      {
        ...seat,
        legal: { ref: 'decret-2-96-906' },
        editorNote:
          'Pièce exigée au titre du registre du commerce (loi 15-95 et décret 2-96-906) : texte exact et article à vérifier sur le texte officiel.',
      },
      doc('appointment', t('Procès-verbal de nomination des dirigeants', 'محضر تعيين المسيرين'), 'original', 1, {
        optional: true,
        condition: t('Lorsque les dirigeants ne sont pas nommés dans les statuts', 'عندما لا يعين المسيرون في النظام الأساسي'),
        legal: { ref: 'decret-2-96-906' },
        editorNote:
          'Pièce exigée au titre du registre du commerce (loi 15-95 et décret 2-96-906) : texte exact et article à vérifier sur le texte officiel.',
      }),
    ],
    conditions: [
      t(
        "L'immatriculation doit être demandée dans les trois mois qui suivent l'ouverture de l'établissement, l'acquisition du fonds de commerce ou la constitution de la société.",
        'يجب طلب التقييد داخل الأشهر الثلاثة الموالية لافتتاح المؤسسة أو اقتناء الأصل التجاري أو تأسيس الشركة.',
      ),
      t(
        'Le commerçant étranger fournit en plus sa carte de séjour ou son passeport.',
        'يدلي التاجر الأجنبي إضافة إلى ذلك ببطاقة الإقامة أو جواز السفر.',
      ),
    ],
    fees: [
      {
        key: 'registry-fees',
        label: t(
          'Droits de greffe : dépôt des actes et immatriculation d’une société (environ ; montant inférieur pour une personne physique)',
          'الرسوم القضائية: إيداع العقود وتقييد الشركة (تقريبا؛ مبلغ أقل بالنسبة للشخص الذاتي)',
        ),
        kind: 'variable',
        basis: t(
          'Selon la forme de l’entreprise et les actes déposés (environ 350 MAD pour une société)',
          'حسب شكل المقاولة والعقود المودعة (حوالي 350 درهما بالنسبة لشركة)',
        ),
        editorNote:
          'Montant approximatif (« environ ») non vérifié hors ligne : à confirmer avec le tarif des greffes. Droits de greffe fixés par le tarif des frais de justice : texte exact et article à vérifier sur le texte officiel.',
        payment: t('Caisse du greffe du tribunal', 'صندوق كتابة الضبط بالمحكمة'),
        legal: { ref: 'loi-15-95' },
      },
    ],
    delay: {
      usual: t('En général 24 heures à quelques jours.', 'عادة من 24 ساعة إلى بضعة أيام.'),
      legal: { ref: 'loi-15-95', article: 'art. 37' },
      editorNote: 'Article non vérifié hors ligne contre le texte publié au Bulletin officiel.',
    },
    legalBasis: [loi1595, decretRC, loi596, loi1795],
    steps: [
      step(
        'Obtenir le certificat négatif et s’inscrire à la taxe professionnelle',
        'الحصول على الشهادة السلبية والتسجيل في الرسم المهني',
      ),
      step(
        'Déposer la déclaration et les pièces au greffe (ou via le CRI)',
        'إيداع التصريح والوثائق بكتابة الضبط (أو عبر المركز الجهوي للاستثمار)',
      ),
      step('Payer les droits de greffe', 'أداء الرسوم القضائية'),
      step(
        'Retirer le certificat d’immatriculation (modèle 7) portant le numéro RC',
        'سحب شهادة التقييد (النموذج 7) التي تحمل رقم السجل التجاري',
      ),
    ],
    keywords: {
      fr: [
        'registre de commerce',
        'registre du commerce',
        'RC',
        'immatriculation RC',
        'inscription au registre de commerce',
        'inscription RC',
        'modèle 7',
        'numéro RC',
        'tribunal de commerce',
      ],
      ar: ['السجل التجاري', 'سجل تجاري', 'التقييد في السجل التجاري', 'النموذج 7', 'نموذج 7', 'رقم السجل التجاري'],
      darija: ['registre de commerce', 'rc', 'sijil tijari', 'sijil tijari dyal charika', 'model 7', 'modele 7'],
    },
    related: [
      'certificat-negatif',
      'creation-entreprise-cri',
      'modification-registre-commerce',
      'identifiant-fiscal-taxe-professionnelle',
    ],
    source: 'https://www.idarati.ma ; https://www.justice.gov.ma',
  },
  {
    slug: 'modification-registre-commerce',
    owner: 'MIN-JUSTICE',
    title: t(
      'Modification des informations du registre de commerce (changement de gérant, de siège, d’activité, de capital)',
      'تغيير البيانات المقيدة في السجل التجاري (تغيير المسير أو المقر أو النشاط أو رأس المال)',
      'Amendment of a commercial register entry',
    ),
    summary: t(
      'Toute modification des informations inscrites au registre de commerce (dirigeants, siège, activité, capital, dénomination) doit y être déclarée pour être opposable aux tiers.',
      'يجب التصريح في السجل التجاري بكل تغيير يطرأ على البيانات المقيدة فيه (المسيرون، المقر، النشاط، رأس المال، التسمية) ليكون قابلا للاحتجاج به تجاه الغير.',
      'Any change to the register details (managers, registered office, activity, capital, name) must be filed to be effective against third parties.',
    ),
    audiences: ['companies', 'citizens'],
    categories: ['company'],
    lifeEvents: ['run_business'],
    competence: [
      {
        orgType: 'court',
        service: t(
          'Greffe du tribunal de commerce — service du registre de commerce',
          'كتابة الضبط بالمحكمة التجارية — مصلحة السجل التجاري',
        ),
      },
    ],
    channels: [
      {
        kind: 'counter',
        where: t('Greffe du tribunal où la société est immatriculée', 'كتابة الضبط بالمحكمة المقيدة بها الشركة'),
      },
      {
        kind: 'online',
        where: t(
          'Plateforme électronique de création et d’accompagnement des entreprises',
          'المنصة الإلكترونية لإحداث المقاولات ومواكبتها',
        ),
      },
    ],
    documents: [
      doc('declaration', t("Déclaration d'inscription modificative signée", 'التصريح بالتقييد المعدل موقع'), 'original', 3, {
        legal: { ref: 'decret-2-96-906' },
        editorNote: 'Article à vérifier sur le texte officiel.',
      }),
      doc(
        'decision',
        t(
          "Procès-verbal de l'assemblée ou décision de l'associé unique, enregistré",
          'محضر الجمعية العامة أو قرار الشريك الوحيد، مسجل',
        ),
        'certified_copy',
        2,
        {
          legal: { ref: 'decret-2-96-906' },
          editorNote:
            'Pièce exigée au titre du registre du commerce (loi 15-95 et décret 2-96-906) : texte exact et article à vérifier sur le texte officiel.',
        },
      ),
      doc(
        'updated-statutes',
        t('Statuts mis à jour certifiés conformes', 'النظام الأساسي المحين مصادق على مطابقته'),
        'certified_copy',
        1,
        {
          optional: true,
          condition: t('Modification des statuts', 'تعديل النظام الأساسي'),
          legal: { ref: 'decret-2-96-906' },
          editorNote:
            'Pièce exigée au titre du registre du commerce (loi 15-95 et décret 2-96-906) : texte exact et article à vérifier sur le texte officiel.',
        },
      ),
      doc('negative-certificate', t('Nouveau certificat négatif', 'شهادة سلبية جديدة'), 'original', 1, {
        optional: true,
        condition: t('Changement de dénomination ou d’enseigne', 'تغيير التسمية أو الشعار'),
        legal: { ref: 'decret-2-96-906' },
        editorNote:
          'Pièce exigée au titre du registre du commerce (loi 15-95 et décret 2-96-906) : texte exact et article à vérifier sur le texte officiel.',
      }),
      doc('cnie', t('Copie de la CNIE du nouveau dirigeant', 'نسخة من البطاقة الوطنية للمسير الجديد'), 'copy', 1, {
        optional: true,
        condition: t('Changement de dirigeant', 'تغيير المسير'),
        legal: { ref: 'decret-2-96-906' },
        editorNote:
          'Pièce exigée au titre du registre du commerce (loi 15-95 et décret 2-96-906) : texte exact et article à vérifier sur le texte officiel.',
      }),
    ],
    conditions: [
      t(
        'La modification doit être publiée dans un journal d’annonces légales (et au Bulletin officiel lorsque la loi l’exige).',
        'يجب نشر التغيير في جريدة مخول لها نشر الإعلانات القانونية (وفي الجريدة الرسمية عندما يشترط القانون ذلك).',
      ),
      t(
        "Un transfert de siège vers le ressort d'un autre tribunal entraîne une immatriculation au nouveau greffe.",
        'يترتب عن نقل المقر إلى دائرة نفوذ محكمة أخرى التقييد لدى كتابة الضبط الجديدة.',
      ),
    ],
    fees: [],
    delay: {
      usual: t('En général quelques jours.', 'عادة بضعة أيام.'),
      legal: { ref: 'loi-15-95' },
      editorNote: 'Article à vérifier sur le texte officiel.',
    },
    legalBasis: [loi1595, decretRC, loi596, loi1795],
    steps: [
      step(
        'Adopter la décision (assemblée, associé unique) et la faire enregistrer',
        'اتخاذ القرار (الجمعية العامة، الشريك الوحيد) وتسجيله',
      ),
      step('Publier l’annonce légale', 'نشر الإعلان القانوني'),
      step('Déposer le dossier au greffe et payer les droits', 'إيداع الملف بكتابة الضبط وأداء الرسوم'),
      step('Retirer le nouveau modèle 7', 'سحب النموذج 7 الجديد'),
    ],
    keywords: {
      fr: [
        'modification RC',
        'changement de gérant',
        'transfert de siège',
        'changement activité',
        'inscription modificative',
        'augmentation de capital',
      ],
      ar: [
        'تغيير المسير',
        'تعديل السجل التجاري',
        'نقل المقر الاجتماعي',
        'التقييد المعدل',
        'الزيادة في رأس المال',
        'تغيير النشاط',
      ],
      darija: ['tbdil gérant', 'tbdil lmoqar', 'modification rc', 'nbdel nachat', 'tbdil sijil tijari'],
    },
    related: ['immatriculation-registre-commerce', 'certificat-negatif'],
    source: 'https://www.idarati.ma',
  },
  {
    slug: 'identifiant-commun-entreprise-ice',
    owner: 'DGI',
    title: t("Identifiant commun de l'entreprise (ICE)", 'التعريف الموحد للمقاولة (ICE)', 'Common company identifier (ICE)'),
    summary: t(
      "Numéro unique de 15 chiffres qui identifie l'entreprise auprès de toutes les administrations. Il est attribué lors de la création (CRI, plateforme électronique) ; l'attestation se télécharge sur le portail ICE. Il doit figurer sur les factures et documents de l'entreprise.",
      'رقم وحيد من 15 رقما يعرف المقاولة لدى جميع الإدارات، يمنح عند الإحداث (المركز الجهوي للاستثمار، المنصة الإلكترونية)، وتحمل شهادته من بوابة التعريف الموحد. يجب أن يضمن في الفواتير ووثائق المقاولة.',
      'A unique 15-digit number identifying a business with all administrations, assigned at creation; the certificate is downloaded from the ICE portal and must appear on invoices.',
    ),
    audiences: ['companies', 'citizens'],
    categories: ['company', 'tax'],
    lifeEvents: ['start_business', 'run_business'],
    competence: [
      {
        orgCodes: ['DGI', 'OMPIC', 'CNSS'],
        service: t(
          "Comité de gestion de l'ICE : Direction générale des impôts, OMPIC et CNSS",
          'الهيئة المكلفة بتدبير التعريف الموحد: المديرية العامة للضرائب، المكتب المغربي للملكية الصناعية والتجارية والصندوق الوطني للضمان الاجتماعي',
        ),
      },
    ],
    channels: [
      {
        kind: 'online',
        where: t('Portail de l’identifiant commun de l’entreprise', 'بوابة التعريف الموحد للمقاولة'),
        url: 'https://www.ice.gov.ma',
      },
      {
        kind: 'counter',
        where: t(
          "Direction régionale ou préfectorale des impôts, ou centre régional d'investissement",
          'المديرية الجهوية أو الإقليمية للضرائب، أو المركز الجهوي للاستثمار',
        ),
      },
    ],
    documents: [
      doc('if', t("Numéro d'identifiant fiscal ou de taxe professionnelle", 'رقم التعريف الجبائي أو الرسم المهني'), 'copy', 1, {
        legal: { ref: 'decret-2-11-63' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      }),
      doc('rc', t('Numéro de registre de commerce', 'رقم السجل التجاري'), 'copy', 1, {
        optional: true,
        condition: t('Entreprise commerçante', 'مقاولة تاجرة'),
        legal: { ref: 'decret-2-11-63' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      }),
      doc('cnie', t('CNIE du demandeur ou du représentant légal', 'البطاقة الوطنية لصاحب الطلب أو للممثل القانوني'), 'copy', 1, {
        legal: { ref: 'decret-2-11-63' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      }),
    ],
    conditions: [
      t(
        "L'ICE est attribué automatiquement aux entreprises créées ; une entreprise ancienne qui n'en a pas le demande auprès de la DGI.",
        'يمنح التعريف الموحد تلقائيا للمقاولات المحدثة، وتطلبه المقاولة القديمة التي لا تتوفر عليه لدى المديرية العامة للضرائب.',
      ),
      t(
        "L'ICE doit figurer sur les factures, et est exigé dans les relations avec les administrations et entre entreprises.",
        'يجب أن يضمن التعريف الموحد في الفواتير، ويطلب في التعامل مع الإدارات وبين المقاولات.',
      ),
    ],
    fees: [
      {
        key: 'fee',
        label: t('Gratuit', 'مجاني'),
        amountMad: 0,
        legal: { ref: 'decret-2-11-63' },
        editorNote:
          'Gratuité constatée à la source consultée ; texte et article qui la fondent à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: t(
        'Immédiat à la création ; attestation téléchargeable en ligne.',
        'فوري عند الإحداث، والشهادة قابلة للتحميل عبر الإنترنت.',
      ),
      legal: { ref: 'decret-2-11-63' },
      editorNote: 'Article à vérifier sur le texte officiel.',
    },
    legalBasis: [decretICE, cgi],
    steps: [
      step(
        'Rechercher son ICE sur le portail (par IF, RC ou dénomination)',
        'البحث عن التعريف الموحد في البوابة (برقم التعريف الجبائي أو السجل التجاري أو التسمية)',
      ),
      step("À défaut, demander l'attribution auprès de la DGI", 'عند عدم توفره، طلب منحه لدى المديرية العامة للضرائب'),
      step("Télécharger l'attestation ICE", 'تحميل شهادة التعريف الموحد'),
    ],
    keywords: {
      fr: ['ICE', 'identifiant commun', 'identifiant commun entreprise', 'attestation ICE', 'numéro ICE', 'facture ICE'],
      ar: ['التعريف الموحد للمقاولة', 'التعريف الموحد', 'رقم التعريف الموحد', 'المعرف الموحد للمقاولة', 'شهادة التعريف الموحد'],
      darija: ['ice', 'numero ice', 'attestation ice', 'ta3rif mowa7ad', 'raqm ice'],
    },
    related: ['identifiant-fiscal-taxe-professionnelle', 'creation-entreprise-cri', 'immatriculation-registre-commerce'],
    source: 'https://www.ice.gov.ma ; https://www.tax.gov.ma',
  },
  {
    slug: 'enregistrement-statuts-societe',
    owner: 'DGI',
    title: t(
      "Enregistrement des statuts et des actes de constitution d'une société",
      'تسجيل النظام الأساسي وعقود تأسيس الشركة',
      'Registration of company statutes',
    ),
    summary: t(
      "Les statuts et actes de constitution d'une société doivent être présentés à l'enregistrement auprès de la Direction générale des impôts (en ligne ou au bureau de l'enregistrement) dans les 30 jours de leur date, moyennant les droits prévus par le code général des impôts.",
      'يجب تقديم النظام الأساسي وعقود تأسيس الشركة للتسجيل لدى المديرية العامة للضرائب (عبر الإنترنت أو بمكتب التسجيل) داخل أجل 30 يوما من تاريخها، مقابل الرسوم المنصوص عليها في المدونة العامة للضرائب.',
      'Company statutes and formation deeds must be registered with the tax administration within 30 days, paying the duties set by the General Tax Code.',
    ),
    audiences: ['companies'],
    categories: ['company', 'tax'],
    lifeEvents: ['start_business'],
    competence: [
      {
        orgCodes: ['DGI'],
        service: t(
          "Bureau de l'enregistrement de la direction des impôts",
          'مكتب التسجيل بمديرية الضرائب',
          'Registration office of the tax directorate',
        ),
      },
    ],
    channels: [
      {
        kind: 'online',
        where: t('Service en ligne SIMPL-Enregistrement de la DGI', 'خدمة "سيمبل-التسجيل" الإلكترونية للمديرية العامة للضرائب'),
        url: 'https://www.tax.gov.ma',
      },
      {
        kind: 'counter',
        where: t(
          "Bureau de l'enregistrement (ou guichet DGI au CRI)",
          'مكتب التسجيل (أو شباك المديرية بالمركز الجهوي للاستثمار)',
        ),
      },
    ],
    documents: [
      doc('statutes', t('Statuts signés (originaux)', 'النظام الأساسي موقع (نسخ أصلية)'), 'original', 2, {
        legal: { ref: 'cgi' },
        editorNote:
          'Acte présenté à la formalité de l’enregistrement (CGI, droits d’enregistrement) : article à vérifier sur le texte officiel.',
      }),
      doc(
        'minutes',
        t(
          "Procès-verbal de l'assemblée constitutive ou de nomination des dirigeants",
          'محضر الجمعية التأسيسية أو محضر تعيين المسيرين',
        ),
        'original',
        1,
        {
          optional: true,
          condition: t('Selon la forme de la société', 'حسب شكل الشركة'),
          legal: { ref: 'loi-5-96' },
          editorNote:
            'Pièce exigée par le droit des sociétés (loi 5-96 ; loi 17-95 pour les sociétés anonymes) : texte selon la forme de la société et article à vérifier sur le texte officiel.',
        },
      ),
      doc('bank-certificate', t('Attestation bancaire de dépôt du capital', 'شهادة بنكية بإيداع رأس المال'), 'copy', 1, {
        optional: true,
        condition: t('Apports en numéraire', 'حصص نقدية'),
        legal: { ref: 'loi-5-96' },
        editorNote:
          'Pièce exigée par le droit des sociétés (loi 5-96 ; loi 17-95 pour les sociétés anonymes) : texte selon la forme de la société et article à vérifier sur le texte officiel.',
      }),
      doc('cnie', t('Copie de la CNIE des associés', 'نسخة من البطاقة الوطنية للشركاء'), 'copy', 1, {
        legal: { ref: 'cgi' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      }),
    ],
    conditions: [
      t("Délai : 30 jours à compter de la date de l'acte.", 'الأجل: 30 يوما من تاريخ العقد.'),
      t(
        'Les droits dépendent du montant du capital et de la nature des apports (droit fixe pour les petits capitaux, droit proportionnel au-delà), selon le code général des impôts en vigueur.',
        'تتوقف الرسوم على مبلغ رأس المال وطبيعة الحصص (رسم ثابت بالنسبة لرؤوس الأموال الصغيرة ورسم نسبي فيما زاد على ذلك)، وفقا للمدونة العامة للضرائب الجاري بها العمل.',
      ),
    ],
    fees: [],
    delay: {
      usual: t('En général le jour même.', 'عادة في نفس اليوم.'),
      legal: { ref: 'cgi', article: 'art. 128' },
    },
    legalBasis: [cgi, loi596, loi1795],
    steps: [
      step('Signer les statuts (signatures légalisées le cas échéant)', 'توقيع النظام الأساسي (مع تصحيح الإمضاءات عند الاقتضاء)'),
      step('Déposer les actes en ligne ou au bureau de l’enregistrement', 'إيداع العقود عبر الإنترنت أو بمكتب التسجيل'),
      step('Payer les droits d’enregistrement et de timbre', 'أداء واجبات التسجيل والتنبر'),
      step('Retirer les statuts enregistrés', 'سحب النظام الأساسي المسجل'),
    ],
    keywords: {
      fr: [
        'enregistrement des statuts',
        'droits d’enregistrement',
        'statuts société',
        'enregistrement capital',
        'timbre statuts',
      ],
      ar: ['تسجيل النظام الأساسي', 'واجبات التسجيل', 'رسوم التسجيل', 'القانون الأساسي للشركة', 'تسجيل العقود'],
      darija: ['tasjil statut', 'statut dyal charika', 'enregistrement statut', 'l9anon l2asasi'],
    },
    related: ['creation-entreprise-cri', 'immatriculation-registre-commerce', 'legalisation-signature'],
    source: 'https://www.tax.gov.ma',
  },
  {
    slug: 'depot-marque-ompic',
    owner: 'OMPIC',
    title: t(
      "Dépôt d'une marque à l'OMPIC",
      'إيداع علامة تجارية لدى المكتب المغربي للملكية الصناعية والتجارية',
      'Trademark filing at OMPIC',
    ),
    summary: t(
      "Le dépôt d'une marque de produits ou de services à l'OMPIC permet, après examen et enregistrement, d'en obtenir la propriété exclusive au Maroc pour dix ans, renouvelables indéfiniment.",
      'يمكن إيداع علامة سلع أو خدمات لدى المكتب المغربي للملكية الصناعية والتجارية، بعد الفحص والتسجيل، من الحصول على ملكيتها الحصرية بالمغرب لمدة عشر سنوات قابلة للتجديد دون حد.',
      'Filing a trademark with OMPIC gives, after examination and registration, exclusive rights in Morocco for ten years, renewable indefinitely.',
    ),
    audiences: ['companies', 'citizens', 'mre'],
    categories: ['company'],
    lifeEvents: ['start_business', 'run_business'],
    competence: [
      {
        orgCodes: ['OMPIC'],
        service: t('Direction des marques et signes distinctifs (OMPIC)', 'مديرية العلامات والأشكال المميزة (المكتب)'),
      },
    ],
    channels: [
      {
        kind: 'online',
        where: t('Service de dépôt électronique DirectOMPIC', 'خدمة الإيداع الإلكتروني "دايركت أومبيك"'),
        url: 'https://www.directompic.ma',
      },
      {
        kind: 'counter',
        where: t(
          "Siège de l'OMPIC à Casablanca ou antennes OMPIC des CRI",
          'مقر المكتب بالدار البيضاء أو فروعه بالمراكز الجهوية للاستثمار',
        ),
      },
    ],
    documents: [
      doc('application', t('Formulaire de dépôt de marque', 'استمارة إيداع العلامة'), 'original', 1, {
        legal: { ref: 'loi-17-97' },
        editorNote: 'Article à vérifier sur le texte officiel.',
      }),
      doc('mark', t('Reproduction de la marque (logo ou dénomination)', 'نموذج العلامة (الشعار أو التسمية)'), 'electronic', 1, {
        legal: { ref: 'loi-17-97' },
        editorNote:
          'Pièce du dépôt de marque exigée par la loi 17-97 et ses textes d’application : article à vérifier sur le texte officiel.',
      }),
      doc(
        'goods-list',
        t('Liste des produits et services et classes de Nice visées', 'لائحة السلع والخدمات والأصناف المعنية حسب تصنيف نيس'),
        'original',
        1,
        {
          legal: { ref: 'loi-17-97' },
          editorNote:
            'Pièce du dépôt de marque exigée par la loi 17-97 et ses textes d’application : article à vérifier sur le texte officiel.',
        },
      ),
      doc('id', t('Pièce d’identité du déposant ou RC de la société', 'وثيقة تعريف المودع أو السجل التجاري للشركة'), 'copy', 1, {
        legal: { ref: 'loi-17-97' },
        editorNote:
          'Pièce du dépôt de marque exigée par la loi 17-97 et ses textes d’application : article à vérifier sur le texte officiel.',
      }),
      doc('mandate', t('Pouvoir du mandataire', 'وكالة الوكيل'), 'original', 1, {
        optional: true,
        condition: t(
          'Dépôt par un mandataire ; obligatoire pour un déposant domicilié à l’étranger',
          'الإيداع بواسطة وكيل، وإجباري بالنسبة للمودع المقيم بالخارج',
        ),
        legal: { ref: 'loi-17-97' },
        editorNote:
          'Pièce du dépôt de marque exigée par la loi 17-97 et ses textes d’application : article à vérifier sur le texte officiel.',
      }),
    ],
    conditions: [
      t(
        'La marque doit être distinctive, licite et disponible (ne pas porter atteinte à des droits antérieurs) ; une recherche d’antériorité est conseillée.',
        'يجب أن تكون العلامة مميزة ومشروعة ومتاحة (لا تمس بحقوق سابقة)، وينصح بإجراء بحث عن الأسبقية.',
      ),
      t(
        "La redevance dépend du nombre de classes de produits et services, selon le barème de l'OMPIC.",
        'تتوقف الرسوم على عدد أصناف السلع والخدمات حسب تعريفة المكتب.',
      ),
    ],
    fees: [],
    delay: {
      usual: t(
        "En général quelques mois entre le dépôt et l'enregistrement (publication, délai d'opposition de deux mois, examen).",
        'عادة بضعة أشهر بين الإيداع والتسجيل (النشر، أجل التعرض المحدد في شهرين، الفحص).',
      ),
      legal: { ref: 'loi-17-97' },
      editorNote: 'Article à vérifier sur le texte officiel.',
    },
    legalBasis: [loi1797, loi1399],
    steps: [
      step("Faire une recherche d'antériorité", 'إجراء بحث عن الأسبقية'),
      step('Déposer la demande et payer la redevance', 'إيداع الطلب وأداء الرسوم'),
      step('Examen, publication et période d’opposition', 'الفحص والنشر وفترة التعرض'),
      step(
        'Enregistrement et délivrance du certificat ; renouvellement tous les 10 ans',
        'التسجيل وتسليم الشهادة، والتجديد كل 10 سنوات',
      ),
    ],
    keywords: {
      fr: [
        'dépôt de marque',
        'marque',
        'protéger une marque',
        'logo',
        'propriété industrielle',
        'OMPIC',
        'enregistrer une marque',
      ],
      ar: ['إيداع علامة تجارية', 'العلامة التجارية', 'علامه تجاريه', 'حماية العلامة', 'الملكية الصناعية', 'تسجيل علامة'],
      darija: ['marque', 'nsjel marque', 'la marque dyali', 'logo', 'ompic'],
    },
    related: ['certificat-negatif', 'creation-entreprise-cri'],
    source: 'https://www.ompic.ma',
  },
  {
    slug: 'radiation-registre-commerce',
    owner: 'MIN-JUSTICE',
    title: t(
      'Radiation du registre de commerce (cessation d’activité, dissolution)',
      'التشطيب على التقييد في السجل التجاري (التوقف عن النشاط، الحل)',
      'Removal from the commercial register (closing a business)',
    ),
    summary: t(
      'Le commerçant qui cesse son activité, ou la société dissoute et liquidée, demande sa radiation du registre de commerce au greffe du tribunal où il est immatriculé.',
      'يطلب التاجر الذي توقف عن نشاطه، أو الشركة المنحلة والمصفاة، التشطيب على تقييده في السجل التجاري لدى كتابة الضبط بالمحكمة المقيد بها.',
      'A trader who stops trading, or a dissolved and liquidated company, asks the court registry to remove its entry from the commercial register.',
    ),
    audiences: ['companies', 'citizens'],
    categories: ['company'],
    lifeEvents: ['run_business'],
    competence: [
      {
        orgType: 'court',
        service: t(
          'Greffe du tribunal de commerce — service du registre de commerce',
          'كتابة الضبط بالمحكمة التجارية — مصلحة السجل التجاري',
        ),
      },
    ],
    channels: [
      {
        kind: 'counter',
        where: t('Greffe du tribunal où l’entreprise est immatriculée', 'كتابة الضبط بالمحكمة المقيدة بها المقاولة'),
      },
      {
        kind: 'online',
        where: t(
          'Plateforme électronique de création et d’accompagnement des entreprises',
          'المنصة الإلكترونية لإحداث المقاولات ومواكبتها',
        ),
      },
    ],
    documents: [
      doc('declaration', t('Déclaration de radiation signée', 'التصريح بالتشطيب موقع'), 'original', 3, {
        legal: { ref: 'decret-2-96-906' },
        editorNote: 'Article à vérifier sur le texte officiel.',
      }),
      doc(
        'rc-certificate',
        t("Certificat d'immatriculation (modèle 7) ou numéro RC", 'شهادة التقييد (النموذج 7) أو رقم السجل التجاري'),
        'copy',
        1,
        {
          legal: { ref: 'decret-2-96-906' },
          editorNote:
            'Pièce exigée au titre du registre du commerce (loi 15-95 et décret 2-96-906) : texte exact et article à vérifier sur le texte officiel.',
        },
      ),
      doc(
        'liquidation',
        t(
          'Procès-verbal de dissolution et procès-verbal de clôture de la liquidation, enregistrés',
          'محضر الحل ومحضر قفل التصفية، مسجلان',
        ),
        'certified_copy',
        1,
        {
          optional: true,
          condition: t('Société', 'الشركة'),
          legal: { ref: 'loi-5-96' },
          editorNote:
            'Pièce exigée par le droit des sociétés (loi 5-96 ; loi 17-95 pour les sociétés anonymes) : texte selon la forme de la société et article à vérifier sur le texte officiel.',
        },
      ),
      doc('publication', t("Justificatif de publication de l'annonce légale", 'ما يثبت نشر الإعلان القانوني'), 'copy', 1, {
        optional: true,
        condition: t('Société', 'الشركة'),
        legal: { ref: 'loi-5-96' },
        editorNote:
          'Pièce exigée par le droit des sociétés (loi 5-96 ; loi 17-95 pour les sociétés anonymes) : texte selon la forme de la société et article à vérifier sur le texte officiel.',
      }),
      doc('cnie', t('Copie de la CNIE du commerçant ou du liquidateur', 'نسخة من البطاقة الوطنية للتاجر أو المصفي'), 'copy', 1, {
        legal: { ref: 'decret-2-96-906' },
        editorNote:
          'Pièce exigée au titre du registre du commerce (loi 15-95 et décret 2-96-906) : texte exact et article à vérifier sur le texte officiel.',
      }),
    ],
    conditions: [
      t(
        "Il faut aussi déclarer la cessation d'activité à la DGI (taxe professionnelle, impôts) et à la CNSS si l'entreprise employait des salariés.",
        'يجب كذلك التصريح بالتوقف عن النشاط لدى المديرية العامة للضرائب (الرسم المهني، الضرائب) ولدى الصندوق الوطني للضمان الاجتماعي إذا كانت المقاولة تشغل أجراء.',
      ),
    ],
    fees: [],
    delay: {
      usual: t('En général quelques jours.', 'عادة بضعة أيام.'),
      legal: { ref: 'loi-15-95' },
      editorNote: 'Article à vérifier sur le texte officiel.',
    },
    legalBasis: [loi1595, decretRC, loi596, loi1795],
    steps: [
      step('Pour une société : décider la dissolution, liquider et publier', 'بالنسبة للشركة: تقرير الحل والتصفية والنشر'),
      step(
        'Déposer la déclaration de radiation au greffe et payer les droits',
        'إيداع التصريح بالتشطيب بكتابة الضبط وأداء الرسوم',
      ),
      step('Retirer le certificat de radiation', 'سحب شهادة التشطيب'),
      step(
        'Déclarer la cessation à la DGI et à la CNSS',
        'التصريح بالتوقف لدى المديرية العامة للضرائب والصندوق الوطني للضمان الاجتماعي',
      ),
    ],
    keywords: {
      fr: [
        'radiation RC',
        'radiation du registre',
        'cessation activité',
        'fermer entreprise',
        'dissolution société',
        'liquidation',
      ],
      ar: ['التشطيب', 'شطب الشركة', 'إغلاق الشركة', 'حل الشركة', 'التوقف عن النشاط', 'تصفية الشركة'],
      darija: ['nsed charika', 'radiation rc', 'nsed lhanout', 'tachtib', 'nsali charika'],
    },
    related: ['immatriculation-registre-commerce', 'modification-registre-commerce'],
    source: 'https://www.idarati.ma',
  },
  {
    slug: 'inscription-portail-marches-publics',
    owner: 'TGR',
    title: t(
      'Inscription des entreprises au portail marocain des marchés publics',
      'تسجيل المقاولات في البوابة المغربية للصفقات العمومية',
      'Registering a business on the public procurement portal',
    ),
    summary: t(
      "Pour consulter et télécharger les dossiers d'appel d'offres et déposer ses offres par voie électronique, l'entreprise s'inscrit sur le portail marocain des marchés publics, géré par la Trésorerie générale du Royaume.",
      'لتحميل ملفات طلبات العروض وإيداع العروض بطريقة إلكترونية، تسجل المقاولة في البوابة المغربية للصفقات العمومية التي تدبرها الخزينة العامة للمملكة.',
      'To download tender documents and bid electronically, a business registers on the Moroccan public procurement portal run by the Treasury.',
    ),
    audiences: ['companies'],
    categories: ['company', 'economic'],
    lifeEvents: ['run_business'],
    competence: [
      {
        orgCodes: ['TGR'],
        service: t(
          'Portail marocain des marchés publics (Trésorerie générale du Royaume)',
          'البوابة المغربية للصفقات العمومية (الخزينة العامة للمملكة)',
        ),
      },
    ],
    channels: [
      {
        kind: 'online',
        where: t('Portail marocain des marchés publics', 'البوابة المغربية للصفقات العمومية'),
        url: 'https://www.marchespublics.gov.ma',
      },
    ],
    documents: [
      doc(
        'form',
        t(
          "Formulaire d'inscription en ligne (identité de l'entreprise et du représentant)",
          'استمارة التسجيل الإلكترونية (هوية المقاولة والممثل)',
        ),
        'electronic',
        1,
        {
          legal: { ref: 'decret-2-22-431' },
          editorNote:
            'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
        },
      ),
      doc(
        'rc',
        t(
          'Numéro de registre de commerce, identifiant fiscal et ICE',
          'رقم السجل التجاري والتعريف الضريبي والتعريف الموحد للمقاولة',
        ),
        'electronic',
        1,
        {
          legal: { ref: 'decret-2-22-431' },
          editorNote:
            'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
        },
      ),
      doc(
        'certificate',
        t('Certificat électronique de signature du représentant', 'شهادة التوقيع الإلكتروني للممثل'),
        'electronic',
        1,
        {
          optional: true,
          condition: t('Pour déposer des offres par voie électronique', 'لإيداع العروض بطريقة إلكترونية'),
          issuer: t(
            'Prestataire de services de confiance agréé (par exemple Barid eSign)',
            'مقدم خدمات الثقة المعتمد (مثلا Barid eSign)',
          ),
          legal: { ref: 'decret-2-22-431' },
          editorNote:
            'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
        },
      ),
    ],
    conditions: [
      t(
        "L'inscription au portail est gratuite ; le certificat électronique est payant auprès du prestataire de confiance.",
        'التسجيل في البوابة مجاني، أما الشهادة الإلكترونية فمؤدى عنها لدى مقدم خدمات الثقة.',
      ),
      t(
        "Pour soumissionner, l'entreprise fournit notamment les attestations de régularité fiscale et CNSS.",
        'يدلي المتنافس، من أجل المشاركة، على الخصوص بشهادتي انتظام الوضعية الجبائية والوضعية تجاه الصندوق الوطني للضمان الاجتماعي.',
      ),
    ],
    fees: [
      {
        key: 'fee',
        label: t('Inscription gratuite', 'التسجيل مجاني'),
        amountMad: 0,
        legal: { ref: 'decret-2-22-431' },
        editorNote:
          'Gratuité constatée à la source consultée ; texte et article qui la fondent à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: t('En général immédiat à quelques jours après validation du compte.', 'عادة فوري إلى بضعة أيام بعد تفعيل الحساب.'),
      legal: { ref: 'decret-2-22-431' },
      editorNote: 'Article à vérifier sur le texte officiel.',
    },
    legalBasis: [
      {
        id: 'decret-2-22-431',
        title: t(
          'Décret n° 2-22-431 du 15 chaabane 1444 (8 mars 2023) relatif aux marchés publics',
          'المرسوم رقم 2.22.431 الصادر في 15 شعبان 1444 (8 مارس 2023) المتعلق بالصفقات العمومية',
          'Decree No. 2-22-431 of 8 March 2023 on public procurement',
        ),
      },
    ],
    steps: [
      step("S'inscrire sur le portail (espace entreprises)", 'التسجيل في البوابة (فضاء المقاولات)'),
      step(
        'Activer le compte et, pour les offres électroniques, obtenir un certificat de signature',
        'تفعيل الحساب والحصول على شهادة التوقيع الإلكتروني بالنسبة للعروض الإلكترونية',
      ),
      step(
        'Consulter les avis, télécharger les dossiers et déposer les offres',
        'الاطلاع على الإعلانات وتحميل الملفات وإيداع العروض',
      ),
    ],
    keywords: {
      fr: [
        'marchés publics',
        'appel d’offres',
        'portail marchés publics',
        'soumission électronique',
        'inscription entreprise marchés',
      ],
      ar: ['الصفقات العمومية', 'طلبات العروض', 'بوابة الصفقات العمومية', 'طلب عروض', 'التسجيل في بوابة الصفقات'],
      darija: ['marche public', 'appel d offre', 'sfa9at 3omomiya', 'safa9at'],
    },
    related: ['attestation-regularite-fiscale', 'attestation-affiliation-cnss'],
    source: 'https://www.marchespublics.gov.ma',
  },
];
