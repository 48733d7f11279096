import type { LegalText, ProcedureSource, RequiredDocument, Step } from '../types';
import { CODE_FAMILLE, CONVENTION_VIENNE, LOI_04_20, LOI_55_19 } from '../legal-texts';

/** Identity and travel documents: the electronic national identity card (CNIE) and the biometric passport. */

const DECRET_2_20_521: LegalText = {
  id: 'decret-2-20-521',
  title: {
    fr: "Décret n° 2-20-521 pris pour l'application de la loi n° 04-20 relative à la carte nationale d'identité électronique",
    ar: 'المرسوم رقم 2.20.521 بتطبيق القانون رقم 04.20 المتعلق بالبطاقة الوطنية للتعريف الإلكترونية',
  },
};

const DECRET_2_08_310: LegalText = {
  id: 'decret-2-08-310',
  title: {
    fr: 'Décret n° 2-08-310 du 23 chaoual 1429 (23 octobre 2008) instituant le passeport biométrique',
    ar: 'المرسوم رقم 2.08.310 الصادر في 23 من شوال 1429 (23 أكتوبر 2008) بإحداث جواز السفر البيومتري',
    en: 'Decree No. 2-08-310 of 23 October 2008 instituting the biometric passport',
  },
  bulletin: 'BO n° 5680 du 6 novembre 2008',
  url: 'https://www.passeport.ma',
};

const CGI: LegalText = {
  id: 'cgi',
  title: {
    fr: 'Code général des impôts, livre II (droits de timbre)',
    ar: 'المدونة العامة للضرائب، الكتاب الثاني (واجبات التمبر)',
    en: 'General Tax Code, book II (stamp duties)',
  },
};

const CNIE_SERVICE = {
  fr: "Service de la carte nationale d'identité électronique (Sûreté nationale) du lieu de résidence",
  ar: 'مصلحة البطاقة الوطنية للتعريف الإلكترونية (الأمن الوطني) التابعة لمحل السكنى',
  en: 'Electronic national identity card office (National Security) of the place of residence',
};

const BIRTH_EXTRACT: RequiredDocument = {
  key: 'birth-extract',
  name: {
    fr: "Extrait d'acte de naissance ou copie intégrale de l'acte de naissance",
    ar: 'نسخة موجزة من رسم الولادة أو نسخة كاملة منه',
    en: 'Birth certificate extract or full copy',
  },
  description: {
    fr: "Datant de moins de trois mois, avec les nom et prénom de l'intéressé et de ses parents en caractères arabes et latins. Peut être remplacé par la présentation du livret de famille avec une copie de la page de l'intéressé.",
    ar: 'لا يتعدى تاريخ تسليمها ثلاثة أشهر، ويتضمن الاسم الشخصي والعائلي للمعني بالأمر ولأبويه بالحروف العربية واللاتينية. ويمكن تعويضها بالإدلاء بالدفتر العائلي مع نسخة من الصفحة الخاصة بالمعني بالأمر.',
  },
  form: 'original',
  copies: 1,
  issuer: {
    fr: "Bureau d'état civil de la commune de naissance (ou www.watiqa.ma)",
    ar: 'مكتب الحالة المدنية بجماعة الولادة (أو www.watiqa.ma)',
  },
  legal: { ref: 'decret-2-20-521' },
  editorNote: 'Article à vérifier sur le texte officiel.',
};

const RESIDENCE_CERT: RequiredDocument = {
  key: 'residence-certificate',
  name: { fr: 'Certificat de résidence', ar: 'شهادة السكنى', en: 'Certificate of residence' },
  description: {
    fr: "Délivré par les services territorialement compétents de la Sûreté nationale ou de la Gendarmerie royale, ou à défaut par l'autorité administrative locale.",
    ar: 'تسلمها المصالح المختصة ترابيا للأمن الوطني أو للدرك الملكي، أو السلطة الإدارية المحلية عند الاقتضاء.',
  },
  form: 'original',
  copies: 1,
  issuer: { fr: 'Sûreté nationale, Gendarmerie royale ou autorité locale', ar: 'الأمن الوطني أو الدرك الملكي أو السلطة المحلية' },
  legal: { ref: 'decret-2-20-521' },
  editorNote: 'Article à vérifier sur le texte officiel.',
};

const PHOTOS_CNIE: RequiredDocument = {
  key: 'photos',
  name: { fr: "Photographies d'identité", ar: 'صور شمسية', en: 'Identity photographs' },
  description: {
    fr: 'Récentes, de face, en couleur, sur fond clair, format 3,5 × 4,5 cm, visage découvert, sans lunettes sombres (la photographie peut aussi être prise sur place selon le centre).',
    ar: 'حديثة، ملونة، مأخوذة من الأمام على خلفية فاتحة، من حجم 3.5 × 4.5 سم، بوجه مكشوف ودون نظارات داكنة (ويمكن أن تلتقط بعين المكان حسب المركز).',
  },
  form: 'original',
  copies: 2,
  legal: { ref: 'decret-2-20-521' },
  editorNote: 'Article à vérifier sur le texte officiel.',
};

const CNIE_APPOINTMENT_STEP: Step = {
  title: {
    fr: 'Remplir la pré-demande et prendre rendez-vous sur www.cnie.ma',
    ar: 'ملء الطلب المسبق وأخذ موعد عبر www.cnie.ma',
    en: 'Fill in the pre-application and book an appointment on www.cnie.ma',
  },
  detail: {
    fr: 'Les personnes âgées, malades chroniques ou ayant un rendez-vous médical urgent peuvent être reçues sans rendez-vous.',
    ar: 'يمكن استقبال المسنين والمصابين بأمراض مزمنة ومن لهم موعد طبي مستعجل دون موعد مسبق.',
  },
};

const CNIE_FEE = {
  key: 'timbre-cnie',
  label: { fr: 'Droit de timbre de la CNIE', ar: 'واجب التمبر الخاص بالبطاقة الوطنية', en: 'CNIE stamp duty' },
  amountMad: 75,
  payment: {
    fr: 'Timbre (e-timbre ou timbre fiscal) remis lors du dépôt',
    ar: 'طابع (إلكتروني أو جبائي) يدلى به عند إيداع الطلب',
  },
  legal: { ref: 'cgi' },
  editorNote: 'Article du CGI (tarif du droit de timbre) à vérifier sur le texte officiel.',
};

export const identityTravel: ProcedureSource[] = [
  {
    slug: 'carte-nationale-identite-premiere-demande',
    owner: 'DGSN',
    title: {
      fr: "Carte nationale d'identité électronique (CNIE) : première demande",
      ar: 'البطاقة الوطنية للتعريف الإلكترونية: الطلب الأول',
      en: 'Electronic national identity card (CNIE): first application',
    },
    summary: {
      fr: "Obtenir pour la première fois la carte nationale d'identité électronique, document qui prouve l'identité et la nationalité marocaine, obligatoire à partir de 16 ans et valable dix ans.",
      ar: 'الحصول لأول مرة على البطاقة الوطنية للتعريف الإلكترونية، الوثيقة التي تثبت الهوية والجنسية المغربية، وهي إجبارية ابتداء من 16 سنة وصالحة لمدة عشر سنوات.',
      en: 'Obtain the electronic national identity card for the first time: it proves identity and Moroccan nationality, is compulsory from age 16 and valid ten years.',
    },
    audiences: ['citizens'],
    categories: ['identity'],
    lifeEvents: [],
    competence: [{ orgCodes: ['DGSN'], service: CNIE_SERVICE }],
    channels: [
      {
        kind: 'online',
        where: {
          fr: 'Pré-demande et rendez-vous sur le portail de la CNIE',
          ar: 'الطلب المسبق وأخذ الموعد عبر بوابة البطاقة الوطنية',
        },
        url: 'https://www.cnie.ma',
      },
      {
        kind: 'counter',
        where: {
          fr: "Service de la CNIE de la Sûreté nationale (commissariat) du lieu de résidence, en personne pour la prise d'empreintes",
          ar: 'مصلحة البطاقة الوطنية بالأمن الوطني (المفوضية) التابعة لمحل السكنى، حضوريا لأخذ البصمات',
        },
      },
    ],
    documents: [
      BIRTH_EXTRACT,
      RESIDENCE_CERT,
      PHOTOS_CNIE,
      {
        key: 'nationality-proof',
        name: {
          fr: "Certificat de nationalité ou copie certifiée conforme de l'acte accordant la nationalité marocaine",
          ar: 'شهادة الجنسية أو نسخة مطابقة للأصل من العقد المخول للجنسية المغربية',
        },
        form: 'certified_copy',
        copies: 1,
        optional: true,
        condition: {
          fr: 'Pour les personnes ayant acquis la nationalité marocaine (naturalisation, mariage…) ou nées à l’étranger de parent marocain, si demandé',
          ar: 'بالنسبة للأشخاص الذين اكتسبوا الجنسية المغربية أو المزدادين بالخارج من أب أو أم مغربية، عند الاقتضاء',
        },
        issuer: { fr: 'Tribunal de première instance', ar: 'المحكمة الابتدائية' },
        legal: { ref: 'decret-2-20-521' },
        editorNote:
          'Pièce exigée au titre de la loi 04-20 et de son décret d’application : texte exact et article à vérifier sur le texte officiel.',
      },
      {
        key: 'receipt',
        name: { fr: 'Récépissé de la pré-demande en ligne', ar: 'وصل الطلب المسبق عبر الإنترنت' },
        form: 'electronic',
        copies: 1,
        issuer: { fr: 'Portail www.cnie.ma', ar: 'بوابة www.cnie.ma' },
        legal: { ref: 'decret-2-20-521' },
        editorNote:
          'Pièce exigée au titre de la loi 04-20 et de son décret d’application : texte exact et article à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      {
        fr: 'Être de nationalité marocaine. La loi n° 04-20 rend la CNIE obligatoire à partir de 16 ans révolus (18 ans sous l’ancienne loi n° 35-06) ; un mineur plus jeune peut l’obtenir à la demande de son représentant légal.',
        ar: 'أن يكون المعني بالأمر مغربي الجنسية. يجعل القانون رقم 04.20 البطاقة الوطنية إجبارية ابتداء من سن 16 سنة كاملة (18 سنة في ظل القانون السابق رقم 35.06)، ويمكن للقاصر الأصغر سنا الحصول عليها بطلب من نائبه الشرعي.',
      },
      {
        fr: 'Se présenter en personne pour la prise des empreintes digitales et de la photographie.',
        ar: 'الحضور الشخصي لأخذ البصمات والصورة.',
      },
    ],
    fees: [CNIE_FEE],
    delay: {
      usual: {
        fr: 'En général une à deux semaines ; un SMS annonce que la carte est prête à être retirée.',
        ar: 'عادة ما بين أسبوع وأسبوعين؛ ويتوصل المعني برسالة نصية عند جاهزية البطاقة.',
      },
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays.",
    },
    legalBasis: [LOI_04_20, DECRET_2_20_521, CGI, LOI_55_19],
    steps: [
      CNIE_APPOINTMENT_STEP,
      {
        title: { fr: 'Réunir les pièces et acheter le timbre', ar: 'تهيئة الوثائق واقتناء الطابع' },
      },
      {
        title: {
          fr: 'Se présenter au service de la CNIE au jour du rendez-vous',
          ar: 'الحضور إلى مصلحة البطاقة الوطنية في يوم الموعد',
        },
        detail: {
          fr: 'Dépôt du dossier, prise des empreintes et de la photographie ; un récépissé daté est remis.',
          ar: 'إيداع الملف وأخذ البصمات والصورة؛ ويسلم وصل مؤرخ.',
        },
      },
      {
        title: { fr: 'Suivre la demande sur www.cnie.ma', ar: 'تتبع الطلب عبر www.cnie.ma' },
      },
      {
        title: {
          fr: 'Retirer la carte en personne avec le récépissé',
          ar: 'سحب البطاقة شخصيا مقابل الوصل',
        },
      },
    ],
    forms: [
      {
        name: { fr: 'Pré-demande de CNIE (en ligne)', ar: 'الطلب المسبق للبطاقة الوطنية (عبر الإنترنت)' },
        url: 'https://www.cnie.ma',
      },
    ],
    keywords: {
      fr: [
        'CIN',
        'CNI',
        'CNIE',
        "carte d'identité",
        'carte nationale',
        'pièce d’identité',
        'première carte',
        'carte biométrique',
        'identité électronique',
      ],
      ar: ['البطاقة الوطنية', 'بطاقة التعريف', 'بطاقة التعريف الوطنية', 'البطاقة البيومترية', 'لاكارط', 'الهوية'],
      darija: ['bitaka', 'lbitaka', 'bitaka wataniya', 'la carte', 'lakart', 'cin jdida', 'l cart nationale'],
    },
    related: [
      'carte-nationale-identite-renouvellement',
      'carte-nationale-identite-perte-vol',
      'extrait-acte-naissance',
      'certificat-residence',
    ],
    source: 'https://www.cnie.ma',
  },
  {
    slug: 'carte-nationale-identite-renouvellement',
    owner: 'DGSN',
    title: {
      fr: "Renouvellement de la carte nationale d'identité électronique (CNIE)",
      ar: 'تجديد البطاقة الوطنية للتعريف الإلكترونية',
      en: 'Renewal of the electronic national identity card (CNIE)',
    },
    summary: {
      fr: "Renouveler la CNIE à l'expiration de sa validité (dix ans) ou lors d'un changement d'une donnée qui y figure (adresse, état civil).",
      ar: 'تجديد البطاقة الوطنية عند انتهاء صلاحيتها (عشر سنوات) أو عند تغيير أحد البيانات المضمنة بها (العنوان، الحالة المدنية).',
      en: 'Renew the CNIE when it expires (ten years) or when one of its data changes (address, civil status).',
    },
    audiences: ['citizens'],
    categories: ['identity'],
    lifeEvents: [],
    competence: [{ orgCodes: ['DGSN'], service: CNIE_SERVICE }],
    channels: [
      {
        kind: 'online',
        where: {
          fr: 'Pré-demande et rendez-vous sur le portail de la CNIE',
          ar: 'الطلب المسبق وأخذ الموعد عبر بوابة البطاقة الوطنية',
        },
        url: 'https://www.cnie.ma',
      },
      {
        kind: 'counter',
        where: {
          fr: 'Service de la CNIE de la Sûreté nationale du lieu de résidence',
          ar: 'مصلحة البطاقة الوطنية بالأمن الوطني التابعة لمحل السكنى',
        },
      },
    ],
    documents: [
      {
        key: 'old-card',
        name: { fr: 'La carte nationale en possession du demandeur', ar: 'البطاقة الوطنية التي في حوزة المعني بالأمر' },
        form: 'original',
        copies: 1,
        legal: { ref: 'decret-2-20-521' },
        editorNote: 'Article à vérifier sur le texte officiel.',
      },
      {
        ...BIRTH_EXTRACT,
        optional: true,
        condition: { fr: "En cas de changement d'une donnée d'état civil", ar: 'في حالة تغيير أحد بيانات الحالة المدنية' },
      },
      { ...RESIDENCE_CERT, optional: true, condition: { fr: "En cas de changement d'adresse", ar: 'في حالة تغيير العنوان' } },
      PHOTOS_CNIE,
    ],
    conditions: [
      {
        fr: "La CNIE doit être renouvelée à l'expiration de sa validité et dans les cas où l'une des données qu'elle porte change. Les cartes délivrées avant la loi n° 04-20 restent valables jusqu'à leur expiration (art. 16).",
        ar: 'يجب تجديد البطاقة عند انتهاء مدة صلاحيتها أو عند تغيير أحد البيانات المضمنة بها. وتظل البطاقات المسلمة قبل دخول القانون 04.20 حيز التنفيذ صالحة إلى حين انتهاء مدة صلاحيتها (المادة 16).',
      },
    ],
    fees: [CNIE_FEE],
    delay: {
      usual: { fr: 'En général une à deux semaines.', ar: 'عادة ما بين أسبوع وأسبوعين.' },
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays.",
    },
    legalBasis: [LOI_04_20, DECRET_2_20_521, CGI, LOI_55_19],
    steps: [
      CNIE_APPOINTMENT_STEP,
      {
        title: { fr: 'Déposer le dossier et remettre l’ancienne carte', ar: 'إيداع الملف وتسليم البطاقة القديمة' },
      },
      { title: { fr: 'Suivre la demande sur www.cnie.ma', ar: 'تتبع الطلب عبر www.cnie.ma' } },
      { title: { fr: 'Retirer la nouvelle carte en personne', ar: 'سحب البطاقة الجديدة شخصيا' } },
    ],
    keywords: {
      fr: ['renouveler CIN', 'CIN expirée', 'carte périmée', 'changement adresse carte', 'renouvellement CNI', 'nouvelle CNIE'],
      ar: ['تجديد البطاقة الوطنية', 'تجديد بطاقة التعريف', 'البطاقة منتهية الصلاحية', 'تغيير العنوان في البطاقة'],
      darija: ['tjdid lbitaka', 'bitaka salat', 'jadid la carte', 'renouvler la carte', 'bdel l3onwan f lbitaka'],
    },
    related: ['carte-nationale-identite-premiere-demande', 'carte-nationale-identite-perte-vol', 'certificat-residence'],
    source: 'https://www.cnie.ma',
  },
  {
    slug: 'carte-nationale-identite-perte-vol',
    owner: 'DGSN',
    title: {
      fr: "CNIE perdue, volée ou détériorée : demande d'une nouvelle carte",
      ar: 'ضياع أو سرقة أو تلف البطاقة الوطنية للتعريف الإلكترونية: طلب بطاقة جديدة',
      en: 'Lost, stolen or damaged CNIE: application for a new card',
    },
    summary: {
      fr: "Déclarer la perte ou le vol de sa carte nationale d'identité électronique et en obtenir une nouvelle.",
      ar: 'التصريح بضياع أو سرقة البطاقة الوطنية للتعريف الإلكترونية والحصول على بطاقة جديدة.',
      en: 'Report the loss or theft of the electronic identity card and obtain a new one.',
    },
    audiences: ['citizens'],
    categories: ['identity'],
    lifeEvents: [],
    competence: [{ orgCodes: ['DGSN'], service: CNIE_SERVICE }],
    channels: [
      {
        kind: 'online',
        where: { fr: 'Rendez-vous sur le portail de la CNIE', ar: 'أخذ موعد عبر بوابة البطاقة الوطنية' },
        url: 'https://www.cnie.ma',
      },
      {
        kind: 'counter',
        where: {
          fr: 'Commissariat ou service de la CNIE du lieu de résidence (déclaration de perte puis nouvelle demande)',
          ar: 'المفوضية أو مصلحة البطاقة الوطنية بمحل السكنى (التصريح بالضياع ثم طلب جديد)',
        },
      },
    ],
    documents: [
      {
        key: 'loss-declaration',
        name: { fr: 'Déclaration de perte ou de vol', ar: 'التصريح بالضياع أو السرقة' },
        description: {
          fr: 'Faite auprès des services de police ou de gendarmerie ; en cas de détérioration, la carte abîmée est remise.',
          ar: 'يتم لدى مصالح الشرطة أو الدرك؛ وفي حالة التلف تسلم البطاقة المتلفة.',
        },
        form: 'original',
        copies: 1,
        issuer: { fr: 'Sûreté nationale ou Gendarmerie royale', ar: 'الأمن الوطني أو الدرك الملكي' },
        legal: { ref: 'decret-2-20-521' },
        editorNote:
          'Pièce exigée au titre de la loi 04-20 et de son décret d’application : texte exact et article à vérifier sur le texte officiel.',
      },
      {
        ...BIRTH_EXTRACT,
        optional: true,
        condition: { fr: 'Si une donnée d’état civil a changé', ar: 'إذا تغير أحد بيانات الحالة المدنية' },
      },
      { ...RESIDENCE_CERT, optional: true, condition: { fr: "Si l'adresse a changé", ar: 'إذا تغير العنوان' } },
      PHOTOS_CNIE,
    ],
    conditions: [
      {
        fr: 'Signaler la perte ou le vol sans tarder : la carte perdue est invalidée pour protéger le titulaire contre l’usurpation d’identité.',
        ar: 'التصريح بالضياع أو السرقة دون تأخير: يتم إلغاء البطاقة الضائعة لحماية صاحبها من انتحال الهوية.',
      },
    ],
    fees: [CNIE_FEE],
    delay: {
      usual: { fr: 'En général une à deux semaines après le dépôt.', ar: 'عادة ما بين أسبوع وأسبوعين بعد الإيداع.' },
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays.",
    },
    legalBasis: [LOI_04_20, DECRET_2_20_521, CGI, LOI_55_19],
    steps: [
      {
        title: { fr: 'Déclarer la perte ou le vol', ar: 'التصريح بالضياع أو السرقة' },
        detail: { fr: 'Au commissariat ou à la brigade de gendarmerie.', ar: 'لدى المفوضية أو مركز الدرك.' },
      },
      CNIE_APPOINTMENT_STEP,
      { title: { fr: 'Déposer le dossier et faire relever ses empreintes', ar: 'إيداع الملف وأخذ البصمات' } },
      { title: { fr: 'Retirer la nouvelle carte en personne', ar: 'سحب البطاقة الجديدة شخصيا' } },
    ],
    keywords: {
      fr: [
        'CIN perdue',
        'perte carte identité',
        'vol CIN',
        'duplicata CIN',
        'carte volée',
        'carte cassée',
        'déclaration de perte',
      ],
      ar: ['ضياع البطاقة الوطنية', 'سرقة البطاقة', 'بطاقة ضائعة', 'نظير البطاقة الوطنية', 'تصريح بالضياع'],
      darija: ['bitaka tlfat', 'tlfat lia la carte', 't9dat lbitaka', 'tsr9at lbitaka', 'la carte mchat', 'cin tlfat'],
    },
    related: ['carte-nationale-identite-renouvellement', 'carte-nationale-identite-premiere-demande'],
    source: 'https://www.cnie.ma',
  },
  {
    slug: 'carte-nationale-identite-marocains-du-monde',
    owner: 'DGSN',
    title: {
      fr: "CNIE pour les Marocains résidant à l'étranger (au consulat)",
      ar: 'البطاقة الوطنية للتعريف الإلكترونية للمغاربة المقيمين بالخارج (بالقنصلية)',
      en: 'CNIE for Moroccans living abroad (at the consulate)',
    },
    summary: {
      fr: "Les Marocains établis à l'étranger demandent ou renouvellent leur carte nationale d'identité électronique auprès du consulat dont relève leur lieu de résidence.",
      ar: 'يقدم المغاربة المقيمون بالخارج طلب الحصول على البطاقة الوطنية أو تجديدها لدى القنصلية التي يتبع لها محل إقامتهم.',
      en: 'Moroccans settled abroad apply for or renew their electronic identity card at the consulate of their place of residence.',
    },
    audiences: ['mre'],
    categories: ['identity', 'mre'],
    lifeEvents: ['living_abroad'],
    competence: [
      {
        orgType: 'consulate',
        service: {
          fr: 'Service consulaire du lieu de résidence (poste CNIE)',
          ar: 'المصلحة القنصلية لمحل الإقامة (شباك البطاقة الوطنية)',
        },
      },
    ],
    channels: [
      {
        kind: 'online',
        where: { fr: 'Rendez-vous consulaire en ligne', ar: 'أخذ موعد قنصلي عبر الإنترنت' },
        url: 'https://www.consulat.ma',
      },
      {
        kind: 'counter',
        where: {
          fr: 'Ambassade ou consulat général du Maroc du lieu de résidence',
          ar: 'سفارة أو قنصلية المملكة المغربية بمحل الإقامة',
        },
      },
    ],
    documents: [
      BIRTH_EXTRACT,
      {
        key: 'consular-registration',
        name: {
          fr: "Carte d'immatriculation consulaire ou justificatif de résidence dans la circonscription",
          ar: 'بطاقة التسجيل القنصلي أو ما يثبت الإقامة بالدائرة القنصلية',
        },
        form: 'copy',
        copies: 1,
        issuer: { fr: 'Consulat / autorités du pays de résidence', ar: 'القنصلية / سلطات بلد الإقامة' },
        legal: { ref: 'decret-2-20-521' },
        editorNote:
          'Pièce exigée au titre de la loi 04-20 et de son décret d’application : texte exact et article à vérifier sur le texte officiel.',
      },
      PHOTOS_CNIE,
      {
        key: 'old-card',
        name: { fr: 'Ancienne carte nationale (en cas de renouvellement)', ar: 'البطاقة الوطنية القديمة (في حالة التجديد)' },
        form: 'original',
        copies: 1,
        optional: true,
        condition: { fr: 'En cas de renouvellement', ar: 'في حالة التجديد' },
        legal: { ref: 'decret-2-20-521' },
        editorNote:
          'Pièce exigée au titre de la loi 04-20 et de son décret d’application : texte exact et article à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      {
        fr: 'Être de nationalité marocaine et résider dans la circonscription du consulat ; se présenter en personne.',
        ar: 'أن يكون المعني بالأمر مغربي الجنسية ومقيما بالدائرة القنصلية، مع الحضور الشخصي.',
      },
    ],
    fees: [
      {
        ...CNIE_FEE,
        payment: {
          fr: 'Droits consulaires équivalents, en monnaie locale, à la caisse du consulat',
          ar: 'رسوم قنصلية معادلة تؤدى بالعملة المحلية بصندوق القنصلية',
        },
      },
    ],
    delay: {
      usual: {
        fr: 'Plus long qu’au Maroc : en général quelques semaines (acheminement de la carte).',
        ar: 'أطول منه بالمغرب: عادة بضعة أسابيع (نظرا لإرسال البطاقة).',
      },
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays.",
    },
    legalBasis: [LOI_04_20, DECRET_2_20_521, CGI, CONVENTION_VIENNE, LOI_55_19],
    steps: [
      { title: { fr: 'Prendre rendez-vous auprès du consulat', ar: 'أخذ موعد لدى القنصلية' } },
      { title: { fr: 'Déposer le dossier et faire relever ses empreintes', ar: 'إيداع الملف وأخذ البصمات' } },
      { title: { fr: 'Retirer la carte au consulat quand elle est disponible', ar: 'سحب البطاقة من القنصلية عند توفرها' } },
    ],
    keywords: {
      fr: ['CIN consulat', 'carte identité MRE', 'CNIE étranger', 'carte nationale consulat', 'marocain résidant à l’étranger'],
      ar: ['البطاقة الوطنية بالقنصلية', 'البطاقة الوطنية للجالية', 'مغاربة العالم', 'المغاربة المقيمين بالخارج'],
      darija: ['bitaka f l9onsolia', 'la carte f consulat', 'bitaka dyal jalia', 'l9onsolia'],
    },
    related: [
      'immatriculation-consulaire',
      'passeport-biometrique-marocains-du-monde',
      'carte-nationale-identite-renouvellement',
    ],
    source: 'https://www.consulat.ma',
  },
  {
    slug: 'passeport-biometrique',
    owner: 'DGSN',
    title: {
      fr: 'Passeport biométrique : première demande ou renouvellement',
      ar: 'جواز السفر البيومتري: الطلب الأول أو التجديد',
      en: 'Biometric passport: first application or renewal',
    },
    summary: {
      fr: "Obtenir ou renouveler le passeport biométrique, titre national de voyage délivré sans condition d'âge à tout Marocain, valable cinq ans au plus.",
      ar: 'الحصول على جواز السفر البيومتري أو تجديده، وهو سند سفر وطني يسلم دون شرط السن لكل مواطن مغربي، لمدة صلاحية أقصاها خمس سنوات.',
      en: 'Obtain or renew the biometric passport, a national travel document issued to every Moroccan regardless of age, valid up to five years.',
    },
    audiences: ['citizens'],
    categories: ['travel', 'identity'],
    lifeEvents: ['travel_abroad'],
    competence: [
      {
        orgType: 'prefecture_or_province',
        service: {
          fr: 'Annexe administrative, caïdat ou pachalik du lieu de résidence (dépôt) ; service des passeports de la préfecture ou province',
          ar: 'الملحقة الإدارية أو القيادة أو الباشوية لمحل السكنى (الإيداع)؛ مصلحة جوازات السفر بالعمالة أو الإقليم',
        },
      },
    ],
    channels: [
      {
        kind: 'online',
        where: {
          fr: 'Formulaire en ligne, e-timbre et suivi sur le portail du passeport',
          ar: 'الاستمارة الإلكترونية والطابع الإلكتروني والتتبع عبر بوابة جواز السفر',
        },
        url: 'https://www.passeport.ma',
      },
      {
        kind: 'counter',
        where: {
          fr: 'Annexe administrative, caïdat ou pachalik du lieu de résidence, en personne',
          ar: 'الملحقة الإدارية أو القيادة أو الباشوية لمحل السكنى، حضوريا',
        },
      },
    ],
    documents: [
      {
        key: 'form',
        name: {
          fr: 'Formulaire de demande rempli en ligne, daté et signé',
          ar: 'استمارة الطلب معبأة عبر الإنترنت ومؤرخة وموقعة',
        },
        form: 'original',
        copies: 1,
        issuer: { fr: 'Portail www.passeport.ma', ar: 'بوابة www.passeport.ma' },
        legal: { ref: 'decret-2-08-310', article: 'art. 2' },
        editorNote: 'Article non vérifié hors ligne contre le texte publié au Bulletin officiel.',
      },
      {
        key: 'cnie-copy',
        name: { fr: 'Copie de la CNIE en cours de validité', ar: 'نسخة من البطاقة الوطنية للتعريف الإلكترونية سارية الصلاحية' },
        form: 'copy',
        copies: 1,
        issuer: { fr: 'DGSN', ar: 'المديرية العامة للأمن الوطني' },
        legal: { ref: 'decret-2-08-310' },
        editorNote: 'Pièce exigée au titre du décret 2-08-310 : article à vérifier sur le texte officiel.',
      },
      {
        key: 'photos',
        name: { fr: "Photographies d'identité récentes", ar: 'صور شمسية حديثة' },
        description: {
          fr: 'Identiques, en couleur, sur fond clair, format 3,5 × 4,5 cm.',
          ar: 'متطابقة وملونة على خلفية فاتحة من حجم 3.5 × 4.5 سم.',
        },
        form: 'original',
        copies: 2,
        legal: { ref: 'decret-2-08-310' },
        editorNote: 'Pièce exigée au titre du décret 2-08-310 : article à vérifier sur le texte officiel.',
      },
      {
        key: 'e-timbre',
        name: { fr: 'Code du timbre électronique (e-timbre)', ar: 'رمز الطابع الإلكتروني' },
        form: 'electronic',
        copies: 1,
        issuer: {
          fr: 'Achat en ligne, dans une agence bancaire ou chez un buraliste',
          ar: 'يقتنى عبر الإنترنت أو بوكالة بنكية أو لدى بائعي التبغ',
        },
        legal: { ref: 'cgi' },
        editorNote: 'Article à vérifier sur le texte officiel.',
      },
      {
        key: 'old-passport',
        name: { fr: 'Ancien passeport', ar: 'جواز السفر القديم' },
        form: 'original',
        copies: 1,
        optional: true,
        condition: { fr: 'En cas de renouvellement', ar: 'في حالة التجديد' },
        legal: { ref: 'decret-2-08-310' },
        editorNote: 'Pièce exigée au titre du décret 2-08-310 : article à vérifier sur le texte officiel.',
      },
      {
        key: 'loss-declaration',
        name: { fr: 'Déclaration de perte ou de vol', ar: 'التصريح بالضياع أو السرقة' },
        form: 'original',
        copies: 1,
        optional: true,
        condition: { fr: 'Si le passeport précédent a été perdu ou volé', ar: 'إذا ضاع جواز السفر السابق أو سرق' },
        issuer: { fr: 'Sûreté nationale ou Gendarmerie royale', ar: 'الأمن الوطني أو الدرك الملكي' },
        legal: { ref: 'decret-2-08-310' },
        editorNote: 'Pièce exigée au titre du décret 2-08-310 : article à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      {
        fr: "Être de nationalité marocaine et ne faire l'objet d'aucune décision judiciaire s'opposant à la délivrance.",
        ar: 'أن يكون المعني بالأمر مغربي الجنسية وألا يكون موضوع أي مقرر قضائي يمنع تسليمه.',
      },
      {
        fr: 'Le passeport biométrique est valable cinq ans au plus et ne peut pas être prorogé.',
        ar: 'مدة صلاحية جواز السفر البيومتري خمس سنوات على الأكثر غير قابلة للتمديد.',
      },
    ],
    fees: [
      {
        key: 'timbre-passeport',
        label: {
          fr: 'Droit de timbre du passeport (majeur)',
          ar: 'واجب تمبر جواز السفر (الراشد)',
          en: 'Passport stamp duty (adult)',
        },
        amountMad: 500,
        payment: { fr: 'E-timbre acheté avant le dépôt', ar: 'طابع إلكتروني يقتنى قبل الإيداع' },
        legal: { ref: 'cgi' },
        editorNote: 'Article à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: {
        fr: 'En général une à trois semaines ; le suivi se fait sur www.passeport.ma.',
        ar: 'عادة ما بين أسبوع وثلاثة أسابيع؛ ويتم التتبع عبر www.passeport.ma.',
      },
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays.",
    },
    legalBasis: [DECRET_2_08_310, CGI, LOI_55_19],
    steps: [
      { title: { fr: 'Acheter le e-timbre et noter son code', ar: 'اقتناء الطابع الإلكتروني وتدوين رمزه' } },
      {
        title: {
          fr: 'Remplir le formulaire sur www.passeport.ma et l’imprimer',
          ar: 'ملء الاستمارة عبر www.passeport.ma وطبعها',
        },
      },
      {
        title: { fr: 'Déposer le dossier en personne', ar: 'إيداع الملف شخصيا' },
        detail: {
          fr: "À l'annexe administrative, au caïdat ou au pachalik du lieu de résidence ; un numéro de dossier est remis.",
          ar: 'بالملحقة الإدارية أو القيادة أو الباشوية لمحل السكنى؛ ويسلم رقم الملف.',
        },
      },
      { title: { fr: 'Suivre la demande en ligne', ar: 'تتبع الطلب عبر الإنترنت' } },
      { title: { fr: 'Retirer le passeport en personne', ar: 'سحب جواز السفر شخصيا' } },
    ],
    forms: [
      {
        name: { fr: 'Formulaire de demande du passeport biométrique', ar: 'استمارة طلب جواز السفر البيومتري' },
        url: 'https://www.passeport.ma',
      },
    ],
    keywords: {
      fr: [
        'passeport',
        'passport',
        'renouvellement passeport',
        'passeport expiré',
        'timbre passeport',
        'e-timbre',
        'passeport perdu',
      ],
      ar: ['جواز السفر', 'جواز', 'الباسبور', 'تجديد جواز السفر', 'طابع جواز السفر', 'الجواز البيومتري'],
      darija: ['jawaz', 'jawaz sfar', 'lpasspor', 'passpor', 'paspor', 'tjdid jawaz', 'tanbar dyal jawaz'],
    },
    related: [
      'passeport-biometrique-mineur',
      'passeport-biometrique-marocains-du-monde',
      'carte-nationale-identite-premiere-demande',
    ],
    source: 'https://www.passeport.ma',
  },
  {
    slug: 'passeport-biometrique-mineur',
    owner: 'DGSN',
    title: {
      fr: 'Passeport biométrique pour un enfant mineur',
      ar: 'جواز السفر البيومتري للقاصر',
      en: 'Biometric passport for a minor child',
    },
    summary: {
      fr: "Le passeport d'un mineur est demandé par son représentant légal ; le mineur est présent lors du dépôt. À partir de 12 ans, ses empreintes sont relevées.",
      ar: 'يطلب جواز سفر القاصر من طرف نائبه الشرعي مع حضور القاصر عند الإيداع، وتؤخذ بصماته ابتداء من 12 سنة.',
      en: "A minor's passport is requested by the legal representative; the child is present at the filing and fingerprinted from age 12.",
    },
    audiences: ['citizens', 'mre'],
    categories: ['travel'],
    lifeEvents: ['travel_abroad', 'birth'],
    competence: [
      {
        orgType: 'prefecture_or_province',
        service: {
          fr: 'Annexe administrative, caïdat ou pachalik du lieu de résidence ; consulat pour les enfants résidant à l’étranger',
          ar: 'الملحقة الإدارية أو القيادة أو الباشوية لمحل السكنى؛ القنصلية بالنسبة للأطفال المقيمين بالخارج',
        },
      },
    ],
    channels: [
      {
        kind: 'online',
        where: { fr: 'Formulaire en ligne et e-timbre', ar: 'الاستمارة الإلكترونية والطابع الإلكتروني' },
        url: 'https://www.passeport.ma',
      },
      {
        kind: 'counter',
        where: {
          fr: 'Annexe administrative, caïdat ou pachalik, avec l’enfant',
          ar: 'الملحقة الإدارية أو القيادة أو الباشوية، رفقة الطفل',
        },
      },
    ],
    documents: [
      {
        key: 'form',
        name: {
          fr: 'Formulaire de demande rempli en ligne et signé par le représentant légal',
          ar: 'استمارة الطلب معبأة عبر الإنترنت وموقعة من طرف النائب الشرعي',
        },
        form: 'original',
        copies: 1,
        legal: { ref: 'decret-2-08-310', article: 'art. 2' },
        editorNote: 'Article non vérifié hors ligne contre le texte publié au Bulletin officiel.',
      },
      {
        key: 'birth-extract',
        name: {
          fr: "Extrait d'acte de naissance ou copie intégrale de l'acte de naissance du mineur",
          ar: 'نسخة موجزة أو نسخة كاملة من رسم ولادة القاصر',
        },
        description: { fr: 'Datant de moins de trois mois.', ar: 'لا يتعدى تاريخها ثلاثة أشهر.' },
        form: 'original',
        copies: 1,
        issuer: { fr: "Bureau d'état civil (ou www.watiqa.ma)", ar: 'مكتب الحالة المدنية (أو www.watiqa.ma)' },
        legal: { ref: 'decret-2-08-310' },
        editorNote: 'Pièce exigée au titre du décret 2-08-310 : article à vérifier sur le texte officiel.',
      },
      {
        key: 'guardian-id',
        name: { fr: 'Copie de la CNIE du représentant légal', ar: 'نسخة من البطاقة الوطنية للنائب الشرعي' },
        form: 'copy',
        copies: 1,
        legal: { ref: 'decret-2-08-310' },
        editorNote: 'Pièce exigée au titre du décret 2-08-310 : article à vérifier sur le texte officiel.',
      },
      {
        key: 'guardianship',
        name: {
          fr: 'Justificatif de la représentation légale (jugement, acte de tutelle…)',
          ar: 'ما يثبت النيابة الشرعية (حكم، عقد التقديم…)',
        },
        form: 'copy',
        copies: 1,
        optional: true,
        condition: {
          fr: "Lorsque la demande n'est pas faite par le père (mère exerçant la représentation légale, tuteur testamentaire ou datif)",
          ar: 'إذا لم يقدم الطلب من طرف الأب (الأم النائبة الشرعية، الوصي أو المقدم)',
        },
        legal: { ref: 'code-famille', article: 'art. 231' },
      },
      {
        key: 'cnie-minor',
        name: {
          fr: 'Copie de la CNIE du mineur, s’il en est titulaire',
          ar: 'نسخة من البطاقة الوطنية للقاصر إن كان يتوفر عليها',
        },
        form: 'copy',
        copies: 1,
        optional: true,
        condition: { fr: 'Si le mineur possède une CNIE', ar: 'إذا كان القاصر يتوفر على البطاقة الوطنية' },
        legal: { ref: 'decret-2-08-310' },
        editorNote: 'Pièce exigée au titre du décret 2-08-310 : article à vérifier sur le texte officiel.',
      },
      {
        key: 'photos',
        name: { fr: "Photographies d'identité récentes du mineur", ar: 'صور شمسية حديثة للقاصر' },
        form: 'original',
        copies: 2,
        legal: { ref: 'decret-2-08-310' },
        editorNote: 'Pièce exigée au titre du décret 2-08-310 : article à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      {
        fr: 'La demande est présentée par le représentant légal du mineur (père, mère ou tuteur, selon l’article 231 du Code de la famille) ; la présence du mineur est obligatoire.',
        ar: 'يقدم الطلب من طرف النائب الشرعي للقاصر (الأب أو الأم أو الوصي أو المقدم وفق المادة 231 من مدونة الأسرة)؛ وحضور القاصر إلزامي.',
      },
      {
        fr: 'Les mineurs de 12 à 18 ans sans CNIE font relever leurs empreintes digitales.',
        ar: 'تؤخذ بصمات القاصرين البالغين من 12 إلى 18 سنة غير الحاملين للبطاقة الوطنية.',
      },
    ],
    fees: [
      {
        key: 'timbre-passeport-mineur',
        label: {
          fr: 'Droit de timbre du passeport (le tarif applicable au mineur est indiqué lors de l’achat du e-timbre ; 500 DH au plus)',
          ar: 'واجب تمبر جواز السفر (يظهر المبلغ المطبق على القاصر عند اقتناء الطابع الإلكتروني؛ 500 درهم كحد أقصى)',
        },
        kind: 'variable',
        basis: {
          fr: 'Selon l’âge du mineur : le montant est indiqué lors de l’achat du e-timbre (500 MAD au plus)',
          ar: 'حسب سن القاصر: يظهر المبلغ عند اقتناء الطابع الإلكتروني (500 درهم كحد أقصى)',
        },
        editorNote: 'Tarifs par âge du passeport des mineurs non vérifiés hors ligne. Article à vérifier sur le texte officiel.',
        payment: { fr: 'E-timbre', ar: 'طابع إلكتروني' },
        legal: { ref: 'cgi' },
      },
    ],
    delay: {
      usual: { fr: 'En général une à trois semaines.', ar: 'عادة ما بين أسبوع وثلاثة أسابيع.' },
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays.",
    },
    legalBasis: [DECRET_2_08_310, CODE_FAMILLE, CGI, LOI_55_19],
    steps: [
      { title: { fr: 'Acheter le e-timbre', ar: 'اقتناء الطابع الإلكتروني' } },
      { title: { fr: 'Remplir le formulaire en ligne au nom du mineur', ar: 'ملء الاستمارة عبر الإنترنت باسم القاصر' } },
      {
        title: { fr: 'Déposer le dossier avec l’enfant', ar: 'إيداع الملف رفقة الطفل' },
        detail: { fr: 'Le représentant légal signe la demande.', ar: 'يوقع النائب الشرعي على الطلب.' },
      },
      { title: { fr: 'Retirer le passeport', ar: 'سحب جواز السفر' } },
    ],
    keywords: {
      fr: ['passeport enfant', 'passeport bébé', 'passeport mineur', 'autorisation parentale passeport'],
      ar: ['جواز سفر الطفل', 'جواز سفر القاصر', 'جواز السفر للأطفال', 'جواز الرضيع'],
      darija: ['jawaz dyal drari', 'jawaz l weld', 'passpor lbent', 'jawaz safar l tfl'],
    },
    related: ['passeport-biometrique', 'extrait-acte-naissance', 'copie-integrale-acte-naissance'],
    source: 'https://www.passeport.ma',
  },
  {
    slug: 'passeport-biometrique-marocains-du-monde',
    owner: 'MAEC',
    title: {
      fr: "Passeport biométrique pour les Marocains résidant à l'étranger",
      ar: 'جواز السفر البيومتري للمغاربة المقيمين بالخارج',
      en: 'Biometric passport for Moroccans living abroad',
    },
    summary: {
      fr: 'Les Marocains établis à l’étranger demandent ou renouvellent leur passeport biométrique auprès de l’ambassade ou du consulat de leur lieu de résidence.',
      ar: 'يقدم المغاربة المقيمون بالخارج طلب الحصول على جواز السفر البيومتري أو تجديده لدى السفارة أو القنصلية التابعة لمحل إقامتهم.',
      en: 'Moroccans settled abroad apply for or renew their biometric passport at the embassy or consulate of their place of residence.',
    },
    audiences: ['mre'],
    categories: ['travel', 'mre'],
    lifeEvents: ['living_abroad', 'travel_abroad'],
    competence: [
      { orgType: 'consulate', service: { fr: 'Service des passeports du consulat', ar: 'مصلحة جوازات السفر بالقنصلية' } },
    ],
    channels: [
      {
        kind: 'online',
        where: { fr: 'Rendez-vous consulaire et formulaire en ligne', ar: 'الموعد القنصلي والاستمارة عبر الإنترنت' },
        url: 'https://www.consulat.ma',
      },
      { kind: 'counter', where: { fr: 'Ambassade ou consulat du lieu de résidence', ar: 'السفارة أو القنصلية لمحل الإقامة' } },
    ],
    documents: [
      {
        key: 'form',
        name: { fr: 'Formulaire de demande de passeport biométrique', ar: 'استمارة طلب جواز السفر البيومتري' },
        form: 'original',
        copies: 1,
        legal: { ref: 'decret-2-08-310', article: 'art. 2' },
        editorNote: 'Article non vérifié hors ligne contre le texte publié au Bulletin officiel.',
      },
      {
        key: 'cnie-copy',
        name: {
          fr: 'Copie de la CNIE en cours de validité ou du récépissé de dépôt de la demande de CNIE',
          ar: 'نسخة من البطاقة الوطنية سارية الصلاحية أو من وصل إيداع طلبها',
        },
        form: 'copy',
        copies: 1,
        legal: { ref: 'decret-2-08-310' },
        editorNote: 'Pièce exigée au titre du décret 2-08-310 : article à vérifier sur le texte officiel.',
      },
      {
        key: 'birth-and-residence',
        name: {
          fr: "Extrait d'acte de naissance et justificatif de résidence",
          ar: 'نسخة موجزة من رسم الولادة وما يثبت الإقامة',
        },
        form: 'original',
        copies: 1,
        optional: true,
        condition: {
          fr: 'Lorsque le demandeur produit le récépissé de la CNIE au lieu de la carte',
          ar: 'إذا أدلى الطالب بوصل البطاقة الوطنية عوض البطاقة',
        },
        legal: { ref: 'decret-2-08-310' },
        editorNote: 'Pièce exigée au titre du décret 2-08-310 : article à vérifier sur le texte officiel.',
      },
      {
        key: 'photos',
        name: { fr: "Photographies d'identité récentes sur fond clair", ar: 'صور شمسية حديثة على خلفية فاتحة' },
        form: 'original',
        copies: 2,
        legal: { ref: 'decret-2-08-310' },
        editorNote: 'Pièce exigée au titre du décret 2-08-310 : article à vérifier sur le texte officiel.',
      },
      {
        key: 'old-passport',
        name: { fr: 'Ancien passeport ou déclaration de perte ou de vol', ar: 'جواز السفر القديم أو التصريح بالضياع أو السرقة' },
        form: 'original',
        copies: 1,
        optional: true,
        condition: { fr: 'En cas de renouvellement, de perte ou de vol', ar: 'في حالة التجديد أو الضياع أو السرقة' },
        legal: { ref: 'decret-2-08-310' },
        editorNote: 'Pièce exigée au titre du décret 2-08-310 : article à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      {
        fr: "Être de nationalité marocaine et résider dans la circonscription consulaire ; pas de décision judiciaire s'opposant à la délivrance.",
        ar: 'أن يكون المعني بالأمر مغربي الجنسية ومقيما بالدائرة القنصلية، وألا يوجد مقرر قضائي يمنع التسليم.',
      },
    ],
    fees: [
      {
        key: 'droits-consulaires-passeport',
        label: {
          fr: 'Droits consulaires du passeport, équivalents au timbre de 500 DH, payés en monnaie locale',
          ar: 'الرسوم القنصلية لجواز السفر، المعادلة لتمبر 500 درهم، تؤدى بالعملة المحلية',
        },
        amountMad: 500,
        payment: { fr: 'À la caisse du consulat', ar: 'بصندوق القنصلية' },
        legal: { ref: 'cgi' },
        editorNote: 'Article à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: {
        fr: 'En général deux à six semaines selon le poste consulaire.',
        ar: 'عادة ما بين أسبوعين وستة أسابيع حسب المركز القنصلي.',
      },
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays.",
    },
    legalBasis: [DECRET_2_08_310, CGI, CONVENTION_VIENNE, LOI_55_19],
    steps: [
      { title: { fr: 'Prendre rendez-vous auprès du consulat', ar: 'أخذ موعد لدى القنصلية' } },
      { title: { fr: 'Déposer le dossier en personne', ar: 'إيداع الملف شخصيا' } },
      { title: { fr: 'Suivre la demande sur www.passeport.ma', ar: 'تتبع الطلب عبر www.passeport.ma' } },
      { title: { fr: 'Retirer le passeport au consulat', ar: 'سحب جواز السفر من القنصلية' } },
    ],
    keywords: {
      fr: ['passeport consulat', 'passeport MRE', 'renouveler passeport à l’étranger', 'passeport marocain France'],
      ar: ['جواز السفر بالقنصلية', 'جواز السفر للجالية', 'تجديد الجواز بالخارج'],
      darija: ['jawaz f l9onsolia', 'passpor f consulat', 'jawaz dyal jalia'],
    },
    related: ['passeport-biometrique', 'immatriculation-consulaire', 'carte-nationale-identite-marocains-du-monde'],
    source: 'https://www.consulat.ma',
  },
];
