import type { Competence, LegalText, ProcedureSource, RequiredDocument } from '../types';
import { LOI_55_19 } from '../legal-texts';

/** Transport: driving licence and vehicle registration (NARSA, code de la route). */

const LOI_52_05: LegalText = {
  id: 'loi-52-05',
  title: {
    fr: 'Loi n° 52-05 portant code de la route',
    ar: 'القانون رقم 52.05 المتعلق بمدونة السير على الطرق',
    en: 'Law No. 52-05, Highway Code',
  },
  reference: 'Dahir n° 1-10-07 du 26 safar 1431 (11 février 2010)',
  bulletin: 'BO n° 5824 du 25 mars 2010',
};

const LOI_103_14: LegalText = {
  id: 'loi-103-14',
  title: {
    fr: "Loi n° 103-14 portant création de l'Agence nationale de la sécurité routière (NARSA)",
    ar: 'القانون رقم 103.14 بإحداث الوكالة الوطنية للسلامة الطرقية',
    en: 'Law No. 103-14 creating the National Road Safety Agency (NARSA)',
  },
};

const CGI: LegalText = {
  id: 'cgi',
  title: {
    fr: "Code général des impôts (droits d'enregistrement et de timbre)",
    ar: 'المدونة العامة للضرائب (واجبات التسجيل والتمبر)',
    en: 'General Tax Code (registration and stamp duties)',
  },
};

const NARSA_CENTRE: Competence = {
  orgCodes: ['NARSA'],
  service: {
    fr: "Centre d'immatriculation des véhicules et des permis de conduire (NARSA) du lieu de résidence",
    ar: 'مركز تسجيل السيارات ورخص السياقة (الوكالة الوطنية للسلامة الطرقية) لمحل السكنى',
    en: 'NARSA vehicle registration and driving licence centre',
  },
};

const NARSA_ONLINE = {
  kind: 'online' as const,
  where: {
    fr: 'Services en ligne de la NARSA (demande, rendez-vous, suivi)',
    ar: 'الخدمات الإلكترونية للوكالة الوطنية للسلامة الطرقية (الطلب، الموعد، التتبع)',
  },
  url: 'https://www.narsa.ma',
};

const NARSA_COUNTER = {
  kind: 'counter' as const,
  where: {
    fr: "Centre d'immatriculation (NARSA) du lieu de résidence",
    ar: 'مركز التسجيل (الوكالة الوطنية للسلامة الطرقية) لمحل السكنى',
  },
};

const CNIE_COPY: RequiredDocument = {
  key: 'cnie',
  name: { fr: 'Copie de la CNIE', ar: 'نسخة من البطاقة الوطنية للتعريف الإلكترونية', en: 'Copy of the identity card' },
  form: 'copy',
  copies: 1,
  issuer: { fr: 'DGSN', ar: 'المديرية العامة للأمن الوطني' },
};

const MEDICAL: RequiredDocument = {
  key: 'medical',
  name: {
    fr: "Certificat médical d'aptitude à la conduite",
    ar: 'شهادة طبية تثبت القدرة على السياقة',
    en: 'Medical fitness certificate',
  },
  form: 'original',
  copies: 1,
  issuer: { fr: 'Médecin', ar: 'طبيب' },
  legal: { ref: 'loi-52-05' },
  editorNote: 'Article à vérifier sur le texte officiel.',
};

const PHOTOS: RequiredDocument = {
  key: 'photos',
  name: { fr: "Photographies d'identité récentes", ar: 'صور شمسية حديثة' },
  form: 'original',
  copies: 2,
};

const FEES_NOTE = {
  fr: "Les droits (examen, confection du titre) sont fixés par arrêté et sont indiqués lors de la demande en ligne ou au centre ; les frais de l'auto-école sont libres.",
  ar: 'تحدد الرسوم (الامتحان، إنجاز الوثيقة) بقرار ويعلن عنها عند تقديم الطلب عبر الإنترنت أو بالمركز؛ أما أجور مؤسسة تعليم السياقة فهي حرة.',
};

export const transport: ProcedureSource[] = [
  {
    slug: 'permis-de-conduire',
    owner: 'NARSA',
    title: {
      fr: 'Permis de conduire : première obtention',
      ar: 'رخصة السياقة: الحصول عليها لأول مرة',
      en: 'Driving licence: first application',
    },
    summary: {
      fr: "Obtenir le permis de conduire (catégorie B pour les voitures, et autres catégories) après une formation dans un établissement d'enseignement de la conduite et la réussite de l'examen théorique et pratique.",
      ar: 'الحصول على رخصة السياقة (صنف ب للسيارات وباقي الأصناف) بعد التكوين بمؤسسة لتعليم السياقة والنجاح في الامتحان النظري والتطبيقي.',
      en: 'Obtain the driving licence after training in a driving school and passing the theory and practical tests.',
    },
    audiences: ['citizens'],
    categories: ['transport'],
    lifeEvents: ['driving'],
    competence: [NARSA_CENTRE],
    channels: [
      NARSA_ONLINE,
      {
        kind: 'counter',
        where: {
          fr: "Par l'intermédiaire de l'établissement d'enseignement de la conduite (auto-école), auprès du centre NARSA",
          ar: 'عن طريق مؤسسة تعليم السياقة لدى مركز الوكالة الوطنية للسلامة الطرقية',
        },
      },
    ],
    documents: [
      {
        ...CNIE_COPY,
        legal: { ref: 'loi-52-05' },
        editorNote:
          'Pièce exigée au titre du code de la route et de ses textes d’application (décrets et arrêtés) : texte exact et article à vérifier sur le texte officiel.',
      },
      MEDICAL,
      {
        ...PHOTOS,
        legal: { ref: 'loi-52-05' },
        editorNote:
          'Pièce exigée au titre du code de la route et de ses textes d’application (décrets et arrêtés) : texte exact et article à vérifier sur le texte officiel.',
      },
      {
        key: 'training',
        name: {
          fr: "Attestation de formation délivrée par l'établissement d'enseignement de la conduite",
          ar: 'شهادة التكوين المسلمة من طرف مؤسسة تعليم السياقة',
        },
        form: 'original',
        copies: 1,
        issuer: { fr: 'Auto-école agréée', ar: 'مؤسسة تعليم السياقة المرخصة' },
        legal: { ref: 'loi-52-05' },
        editorNote: 'Article à vérifier sur le texte officiel.',
      },
      {
        key: 'licence-b',
        name: { fr: 'Copie du permis B', ar: 'نسخة من رخصة السياقة صنف ب' },
        form: 'copy',
        copies: 1,
        optional: true,
        condition: {
          fr: 'Pour les catégories C, D et E qui supposent le permis B',
          ar: 'بالنسبة للأصناف ج ود وهـ التي تفترض التوفر على رخصة الصنف ب',
        },
        legal: { ref: 'loi-52-05' },
        editorNote:
          'Pièce exigée au titre du code de la route et de ses textes d’application (décrets et arrêtés) : texte exact et article à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      {
        fr: "Avoir l'âge minimum requis pour la catégorie demandée (18 ans pour la catégorie B) et être médicalement apte.",
        ar: 'بلوغ السن الأدنى المطلوب للصنف المطلوب (18 سنة بالنسبة للصنف ب) والتوفر على اللياقة الطبية.',
      },
      {
        fr: "Suivre la formation théorique et pratique dans un établissement d'enseignement de la conduite, puis réussir l'examen théorique et l'examen pratique.",
        ar: 'متابعة التكوين النظري والتطبيقي بمؤسسة لتعليم السياقة، ثم النجاح في الامتحان النظري والامتحان التطبيقي.',
      },
      {
        fr: 'Le premier permis est délivré à titre probatoire, avec un capital de points réduit pendant la période probatoire.',
        ar: 'تسلم الرخصة الأولى بصفة اختبارية، برصيد نقط مخفض خلال الفترة الاختبارية.',
      },
      FEES_NOTE,
    ],
    fees: [],
    delay: {
      usual: {
        fr: "La date d'examen dépend des créneaux du centre ; le permis est en général disponible quelques jours après la réussite.",
        ar: 'يتوقف تاريخ الامتحان على المواعيد المتاحة بالمركز؛ وتكون الرخصة عادة جاهزة بعد بضعة أيام من النجاح.',
      },
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Délivrance du permis après réussite à l’examen (date d’examen selon les créneaux du centre). Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays.",
    },
    legalBasis: [LOI_52_05, LOI_103_14, LOI_55_19],
    steps: [
      { title: { fr: "S'inscrire dans une auto-école agréée", ar: 'التسجيل بمؤسسة معتمدة لتعليم السياقة' } },
      { title: { fr: 'Passer la visite médicale', ar: 'إجراء الفحص الطبي' } },
      { title: { fr: "Suivre la formation et passer l'examen théorique", ar: 'متابعة التكوين واجتياز الامتحان النظري' } },
      { title: { fr: "Passer l'examen pratique", ar: 'اجتياز الامتحان التطبيقي' } },
      { title: { fr: 'Retirer le permis au centre NARSA', ar: 'سحب الرخصة من مركز الوكالة' } },
    ],
    keywords: {
      fr: ['permis de conduire', 'permis B', 'auto-école', 'code de la route', 'examen permis', 'passer le permis'],
      ar: ['رخصة السياقة', 'رخصة السياقة صنف ب', 'مدرسة تعليم السياقة', 'امتحان السياقة', 'البيرمي'],
      darija: ['permis', 'lpermis', 'rokhsa', 'rokhsat siya9a', 'lbirmi', 'auto ecole', 'ncode'],
    },
    related: ['permis-de-conduire-renouvellement', 'permis-de-conduire-duplicata'],
    source: 'https://www.narsa.ma',
  },
  {
    slug: 'permis-de-conduire-renouvellement',
    owner: 'NARSA',
    title: {
      fr: 'Renouvellement du permis de conduire électronique',
      ar: 'تجديد رخصة السياقة الإلكترونية',
      en: 'Renewal of the electronic driving licence',
    },
    summary: {
      fr: 'Renouveler le support du permis de conduire électronique à la fin de sa durée de validité (dix ans), en ligne puis au centre NARSA.',
      ar: 'تجديد دعامة رخصة السياقة الإلكترونية عند انتهاء مدة صلاحيتها (عشر سنوات)، عبر الإنترنت ثم بمركز الوكالة الوطنية للسلامة الطرقية.',
      en: 'Renew the electronic driving licence card when it expires (ten years).',
    },
    audiences: ['citizens'],
    categories: ['transport'],
    lifeEvents: ['driving'],
    competence: [NARSA_CENTRE],
    channels: [NARSA_ONLINE, NARSA_COUNTER],
    documents: [
      {
        key: 'old-licence',
        name: { fr: 'Permis de conduire à renouveler', ar: 'رخصة السياقة المراد تجديدها' },
        form: 'original',
        copies: 1,
        legal: { ref: 'loi-52-05' },
        editorNote:
          'Pièce exigée au titre du code de la route et de ses textes d’application (décrets et arrêtés) : texte exact et article à vérifier sur le texte officiel.',
      },
      {
        ...CNIE_COPY,
        legal: { ref: 'loi-52-05' },
        editorNote:
          'Pièce exigée au titre du code de la route et de ses textes d’application (décrets et arrêtés) : texte exact et article à vérifier sur le texte officiel.',
      },
      {
        ...PHOTOS,
        legal: { ref: 'loi-52-05' },
        editorNote:
          'Pièce exigée au titre du code de la route et de ses textes d’application (décrets et arrêtés) : texte exact et article à vérifier sur le texte officiel.',
      },
      {
        ...MEDICAL,
        optional: true,
        condition: {
          fr: 'Pour les catégories professionnelles (C, D, E) et lorsque l’âge ou l’état de santé l’exige',
          ar: 'بالنسبة للأصناف المهنية (ج، د، هـ) وعندما يستلزم ذلك السن أو الحالة الصحية',
        },
      },
      {
        key: 'receipt',
        name: { fr: 'Récépissé de la demande en ligne', ar: 'وصل الطلب عبر الإنترنت' },
        form: 'electronic',
        copies: 1,
        legal: { ref: 'loi-52-05' },
        editorNote:
          'Pièce exigée au titre du code de la route et de ses textes d’application (décrets et arrêtés) : texte exact et article à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      {
        fr: "Le renouvellement est demandé dans les trois mois qui suivent la date d'expiration indiquée sur le permis ; la conduite avec un titre expiré est sanctionnée.",
        ar: 'يقدم طلب التجديد داخل أجل ثلاثة أشهر الموالية لتاريخ انتهاء الصلاحية المضمن بالرخصة؛ والسياقة بوثيقة منتهية الصلاحية معاقب عليها.',
      },
      FEES_NOTE,
    ],
    fees: [],
    delay: {
      usual: { fr: 'En général quelques jours.', ar: 'عادة بضعة أيام.' },
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays.",
    },
    legalBasis: [LOI_52_05, LOI_103_14, LOI_55_19],
    steps: [
      {
        title: {
          fr: 'Faire la demande en ligne sur le portail de la NARSA',
          ar: 'تقديم الطلب عبر بوابة الوكالة الوطنية للسلامة الطرقية',
        },
      },
      { title: { fr: 'Imprimer le récépissé', ar: 'طبع الوصل' } },
      {
        title: {
          fr: 'Déposer le dossier au centre (ou par courrier si proposé)',
          ar: 'إيداع الملف بالمركز (أو عبر البريد إذا كان متاحا)',
        },
      },
      { title: { fr: 'Retirer le nouveau permis', ar: 'سحب الرخصة الجديدة' } },
    ],
    keywords: {
      fr: ['renouveler permis', 'permis expiré', 'renouvellement permis de conduire', 'permis périmé'],
      ar: ['تجديد رخصة السياقة', 'رخصة السياقة منتهية الصلاحية', 'تجديد البيرمي'],
      darija: ['tjdid permis', 'tjdid rokhsa', 'permis sala', 'permis salat', 'jadid lpermis'],
    },
    related: ['permis-de-conduire', 'permis-de-conduire-duplicata'],
    source: 'https://www.narsa.ma',
  },
  {
    slug: 'permis-de-conduire-duplicata',
    owner: 'NARSA',
    title: {
      fr: 'Duplicata du permis de conduire (perte, vol ou détérioration)',
      ar: 'نظير رخصة السياقة (ضياع أو سرقة أو تلف)',
      en: 'Duplicate driving licence (loss, theft or damage)',
    },
    summary: {
      fr: 'Obtenir un duplicata du permis de conduire perdu, volé ou détérioré.',
      ar: 'الحصول على نظير لرخصة السياقة الضائعة أو المسروقة أو المتلفة.',
      en: 'Obtain a duplicate of a lost, stolen or damaged driving licence.',
    },
    audiences: ['citizens'],
    categories: ['transport'],
    lifeEvents: ['driving'],
    competence: [NARSA_CENTRE],
    channels: [NARSA_ONLINE, NARSA_COUNTER],
    documents: [
      {
        key: 'loss-declaration',
        name: { fr: 'Déclaration de perte ou de vol', ar: 'تصريح بالضياع أو السرقة' },
        form: 'original',
        copies: 1,
        issuer: { fr: 'Sûreté nationale ou Gendarmerie royale', ar: 'الأمن الوطني أو الدرك الملكي' },
        legal: { ref: 'loi-52-05' },
        editorNote:
          'Pièce exigée au titre du code de la route et de ses textes d’application (décrets et arrêtés) : texte exact et article à vérifier sur le texte officiel.',
      },
      {
        key: 'damaged',
        name: { fr: 'Permis détérioré', ar: 'الرخصة المتلفة' },
        form: 'original',
        copies: 1,
        optional: true,
        condition: { fr: 'En cas de détérioration', ar: 'في حالة التلف' },
        legal: { ref: 'loi-52-05' },
        editorNote:
          'Pièce exigée au titre du code de la route et de ses textes d’application (décrets et arrêtés) : texte exact et article à vérifier sur le texte officiel.',
      },
      {
        ...CNIE_COPY,
        legal: { ref: 'loi-52-05' },
        editorNote:
          'Pièce exigée au titre du code de la route et de ses textes d’application (décrets et arrêtés) : texte exact et article à vérifier sur le texte officiel.',
      },
      {
        ...PHOTOS,
        legal: { ref: 'loi-52-05' },
        editorNote:
          'Pièce exigée au titre du code de la route et de ses textes d’application (décrets et arrêtés) : texte exact et article à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      {
        fr: 'Le récépissé de déclaration de perte permet de justifier provisoirement de son permis en cas de contrôle, dans les limites prévues par la réglementation.',
        ar: 'يمكن وصل التصريح بالضياع من الإدلاء به مؤقتا عند المراقبة في الحدود التي ينص عليها القانون.',
      },
      FEES_NOTE,
    ],
    fees: [],
    delay: {
      usual: { fr: 'En général quelques jours.', ar: 'عادة بضعة أيام.' },
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays.",
    },
    legalBasis: [LOI_52_05, LOI_103_14, LOI_55_19],
    steps: [
      { title: { fr: 'Déclarer la perte ou le vol', ar: 'التصريح بالضياع أو السرقة' } },
      { title: { fr: 'Faire la demande en ligne ou au centre NARSA', ar: 'تقديم الطلب عبر الإنترنت أو بمركز الوكالة' } },
      { title: { fr: 'Retirer le duplicata', ar: 'سحب النظير' } },
    ],
    keywords: {
      fr: ['permis perdu', 'perte permis', 'duplicata permis', 'permis volé'],
      ar: ['ضياع رخصة السياقة', 'نظير رخصة السياقة', 'سرقة رخصة السياقة'],
      darija: ['permis tlef', 'tlef lia lpermis', 'tsr9 lpermis', 'rokhsa mchat'],
    },
    related: ['permis-de-conduire-renouvellement', 'permis-de-conduire'],
    source: 'https://www.narsa.ma',
  },
  {
    slug: 'immatriculation-vehicule',
    owner: 'NARSA',
    title: {
      fr: "Immatriculation d'un véhicule (carte grise)",
      ar: 'ترقيم عربة (البطاقة الرمادية)',
      en: 'Vehicle registration (registration certificate)',
    },
    summary: {
      fr: "Immatriculer un véhicule neuf ou importé pour obtenir le certificat d'immatriculation (carte grise) ; pour un véhicule acheté chez un concessionnaire, celui-ci fait en général la démarche.",
      ar: 'ترقيم عربة جديدة أو مستوردة للحصول على شهادة التسجيل (البطاقة الرمادية)؛ وبالنسبة للعربة المقتناة لدى وكيل، يتولى هذا الأخير عادة القيام بالإجراء.',
      en: 'Register a new or imported vehicle to obtain the registration certificate.',
    },
    audiences: ['citizens', 'companies', 'mre'],
    categories: ['transport'],
    lifeEvents: ['driving'],
    competence: [NARSA_CENTRE],
    channels: [NARSA_ONLINE, NARSA_COUNTER],
    documents: [
      {
        key: 'invoice',
        name: { fr: "Facture d'achat du véhicule", ar: 'فاتورة شراء العربة' },
        form: 'original',
        copies: 1,
        issuer: { fr: 'Vendeur ou concessionnaire', ar: 'البائع أو الوكيل' },
        legal: { ref: 'loi-52-05' },
        editorNote:
          'Pièce exigée au titre du code de la route et de ses textes d’application (décrets et arrêtés) : texte exact et article à vérifier sur le texte officiel.',
      },
      {
        key: 'customs',
        name: { fr: 'Déclaration en douane (quittance de dédouanement)', ar: 'التصريح الجمركي (وصل أداء الرسوم الجمركية)' },
        form: 'original',
        copies: 1,
        optional: true,
        condition: { fr: 'Pour un véhicule importé', ar: 'بالنسبة للعربة المستوردة' },
        issuer: { fr: 'Administration des douanes et impôts indirects', ar: 'إدارة الجمارك والضرائب غير المباشرة' },
        legal: { ref: 'loi-52-05' },
        editorNote:
          'Pièce exigée au titre du code de la route et de ses textes d’application (décrets et arrêtés) : texte exact et article à vérifier sur le texte officiel.',
      },
      {
        key: 'conformity',
        name: { fr: 'Certificat de conformité / réception du véhicule', ar: 'شهادة المطابقة / التصديق على العربة' },
        form: 'original',
        copies: 1,
        issuer: { fr: 'Constructeur ou NARSA (réception à titre isolé)', ar: 'الصانع أو الوكالة (المصادقة الفردية)' },
        legal: { ref: 'loi-52-05' },
        editorNote: 'Article à vérifier sur le texte officiel.',
      },
      {
        ...CNIE_COPY,
        legal: { ref: 'loi-52-05' },
        editorNote:
          'Pièce exigée au titre du code de la route et de ses textes d’application (décrets et arrêtés) : texte exact et article à vérifier sur le texte officiel.',
      },
      {
        key: 'company',
        name: {
          fr: 'Pour une société : modèle J du registre de commerce et pouvoir du représentant',
          ar: 'بالنسبة للشركة: النموذج ج من السجل التجاري وتفويض الممثل',
        },
        form: 'original',
        copies: 1,
        optional: true,
        condition: { fr: 'Si le propriétaire est une personne morale', ar: 'إذا كان المالك شخصا معنويا' },
        legal: { ref: 'loi-52-05' },
        editorNote:
          'Pièce exigée au titre du code de la route et de ses textes d’application (décrets et arrêtés) : texte exact et article à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      {
        fr: 'Tout véhicule à moteur circulant sur la voie publique doit être immatriculé et son propriétaire doit détenir le certificat d’immatriculation.',
        ar: 'يجب ترقيم كل عربة ذات محرك تسير على الطريق العمومية، ويجب أن يكون مالكها حاملا لشهادة التسجيل.',
      },
      FEES_NOTE,
    ],
    fees: [],
    delay: {
      usual: { fr: 'En général quelques jours.', ar: 'عادة بضعة أيام.' },
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays.",
    },
    legalBasis: [LOI_52_05, LOI_103_14, CGI, LOI_55_19],
    steps: [
      { title: { fr: 'Réunir les pièces (ou les confier au concessionnaire)', ar: 'تهيئة الوثائق (أو تسليمها للوكيل)' } },
      { title: { fr: 'Déposer la demande au centre d’immatriculation', ar: 'إيداع الطلب بمركز التسجيل' } },
      { title: { fr: 'Payer les droits', ar: 'أداء الرسوم' } },
      {
        title: {
          fr: "Retirer la carte grise et poser les plaques d'immatriculation",
          ar: 'سحب البطاقة الرمادية ووضع لوحات الترقيم',
        },
      },
    ],
    keywords: {
      fr: ['carte grise', 'immatriculation', 'immatriculer voiture', 'plaque', 'voiture neuve', 'certificat d’immatriculation'],
      ar: ['البطاقة الرمادية', 'ترقيم السيارة', 'تسجيل العربة', 'لوحة الترقيم', 'شهادة التسجيل'],
      darija: ['carte grise', 'lkarta grise', 'la carte grise', 'tr9im tomobil', 'lmatricula', 'plaka'],
    },
    related: ['mutation-vehicule', 'permis-de-conduire'],
    source: 'https://www.narsa.ma',
  },
  {
    slug: 'mutation-vehicule',
    owner: 'NARSA',
    title: {
      fr: "Mutation (changement de propriétaire) d'un véhicule d'occasion",
      ar: 'نقل ملكية عربة مستعملة (تغيير المالك)',
      en: 'Transfer of ownership of a used vehicle',
    },
    summary: {
      fr: "Après l'achat d'un véhicule d'occasion, faire établir la carte grise au nom du nouveau propriétaire, avec le contrat de vente légalisé et le paiement des droits de mutation.",
      ar: 'بعد شراء عربة مستعملة، إنجاز البطاقة الرمادية في اسم المالك الجديد، بعقد البيع المصادق على إمضائه وأداء واجبات نقل الملكية.',
      en: 'After buying a used vehicle, have the registration certificate issued in the new owner’s name.',
    },
    audiences: ['citizens', 'companies'],
    categories: ['transport'],
    lifeEvents: ['driving'],
    competence: [NARSA_CENTRE],
    channels: [NARSA_ONLINE, NARSA_COUNTER],
    documents: [
      {
        key: 'sale-contract',
        name: {
          fr: 'Contrat de vente (formulaire de mutation) signé par les deux parties, signatures légalisées',
          ar: 'عقد البيع (مطبوع نقل الملكية) موقع من الطرفين ومصادق على إمضاءيهما',
        },
        form: 'original',
        copies: 1,
        issuer: { fr: 'Vendeur et acheteur ; légalisation à la commune', ar: 'البائع والمشتري؛ تصحيح الإمضاء بالجماعة' },
        legal: { ref: 'loi-52-05' },
        editorNote:
          'Pièce exigée au titre du code de la route et de ses textes d’application (décrets et arrêtés) : texte exact et article à vérifier sur le texte officiel.',
      },
      {
        key: 'registration',
        name: { fr: 'Carte grise originale du véhicule', ar: 'البطاقة الرمادية الأصلية للعربة' },
        form: 'original',
        copies: 1,
        legal: { ref: 'loi-52-05' },
        editorNote:
          'Pièce exigée au titre du code de la route et de ses textes d’application (décrets et arrêtés) : texte exact et article à vérifier sur le texte officiel.',
      },
      {
        key: 'ids',
        name: { fr: "Copie de la CNIE de l'acheteur et du vendeur", ar: 'نسخة من البطاقة الوطنية للمشتري والبائع' },
        form: 'copy',
        copies: 2,
        legal: { ref: 'loi-52-05' },
        editorNote:
          'Pièce exigée au titre du code de la route et de ses textes d’application (décrets et arrêtés) : texte exact et article à vérifier sur le texte officiel.',
      },
      {
        key: 'technical-inspection',
        name: { fr: 'Procès-verbal de visite technique en cours de validité', ar: 'محضر الفحص التقني ساري الصلاحية' },
        form: 'original',
        copies: 1,
        optional: true,
        condition: { fr: 'Pour les véhicules soumis au contrôle technique', ar: 'بالنسبة للعربات الخاضعة للمراقبة التقنية' },
        issuer: { fr: 'Centre de visite technique agréé', ar: 'مركز الفحص التقني المعتمد' },
        legal: { ref: 'loi-52-05' },
        editorNote: 'Article à vérifier sur le texte officiel.',
      },
      {
        key: 'lien-release',
        name: { fr: 'Mainlevée de gage', ar: 'رفع اليد عن الرهن' },
        form: 'original',
        copies: 1,
        optional: true,
        condition: { fr: 'Si le véhicule est gagé (crédit)', ar: 'إذا كانت العربة مرهونة (قرض)' },
        issuer: { fr: 'Organisme de crédit', ar: 'مؤسسة القرض' },
        legal: { ref: 'loi-52-05' },
        editorNote:
          'Pièce exigée au titre du code de la route et de ses textes d’application (décrets et arrêtés) : texte exact et article à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      {
        fr: "Le véhicule doit être en règle (taxe annuelle sur les véhicules payée, aucune opposition) ; l'acheteur doit faire la mutation sans tarder après la vente.",
        ar: 'يجب أن تكون العربة في وضعية قانونية (أداء الضريبة السنوية على السيارات، عدم وجود تعرض)؛ وعلى المشتري القيام بنقل الملكية دون تأخير بعد البيع.',
      },
      FEES_NOTE,
    ],
    fees: [
      {
        key: 'droits-mutation',
        label: {
          fr: 'Droits de mutation des véhicules d’occasion (barème du CGI selon la puissance fiscale ; montant minimal)',
          ar: 'واجبات نقل ملكية العربات المستعملة (حسب جدول المدونة العامة للضرائب وفقا للقوة الجبائية؛ المبلغ الأدنى)',
        },
        kind: 'variable',
        basis: {
          fr: 'Selon la puissance fiscale du véhicule (barème du Code général des impôts)',
          ar: 'حسب القوة الجبائية للعربة (جدول المدونة العامة للضرائب)',
        },
        editorNote:
          'Montant minimal de 300 MAD cité par la source, non vérifié hors ligne contre le barème du CGI. Article à vérifier sur le texte officiel.',
        payment: { fr: 'Au centre ou en ligne', ar: 'بالمركز أو عبر الإنترنت' },
        legal: { ref: 'cgi' },
      },
    ],
    delay: {
      usual: { fr: 'En général quelques jours.', ar: 'عادة بضعة أيام.' },
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays.",
    },
    legalBasis: [LOI_52_05, LOI_103_14, CGI, LOI_55_19],
    steps: [
      { title: { fr: 'Signer le contrat de vente et faire légaliser les signatures', ar: 'توقيع عقد البيع وتصحيح الإمضاءات' } },
      { title: { fr: 'Passer la visite technique si nécessaire', ar: 'إجراء الفحص التقني عند الاقتضاء' } },
      { title: { fr: 'Déposer le dossier au centre d’immatriculation', ar: 'إيداع الملف بمركز التسجيل' } },
      { title: { fr: 'Payer les droits de mutation', ar: 'أداء واجبات نقل الملكية' } },
      { title: { fr: 'Retirer la nouvelle carte grise', ar: 'سحب البطاقة الرمادية الجديدة' } },
    ],
    keywords: {
      fr: [
        'mutation voiture',
        'changement de propriétaire',
        'vente voiture',
        'achat voiture occasion',
        'carte grise nom',
        'mutation carte grise',
      ],
      ar: ['نقل ملكية السيارة', 'بيع السيارة', 'تحويل البطاقة الرمادية', 'شراء سيارة مستعملة'],
      darija: ['mutation', 'l mutation', 'tnaql lmilkia', 'bi3 tomobil', 'chrit tomobil', 'dir lkarta grise f smiti'],
    },
    related: ['immatriculation-vehicule', 'legalisation-signature'],
    source: 'https://www.narsa.ma',
  },
  {
    slug: 'duplicata-carte-grise',
    owner: 'NARSA',
    title: {
      fr: "Duplicata de la carte grise (certificat d'immatriculation) perdue, volée ou détériorée",
      ar: 'نظير البطاقة الرمادية (شهادة التسجيل) الضائعة أو المسروقة أو المتلفة',
      en: 'Duplicate vehicle registration certificate',
    },
    summary: {
      fr: "Obtenir un duplicata du certificat d'immatriculation d'un véhicule en cas de perte, de vol ou de détérioration.",
      ar: 'الحصول على نظير لشهادة تسجيل العربة في حالة الضياع أو السرقة أو التلف.',
      en: 'Obtain a duplicate registration certificate after loss, theft or damage.',
    },
    audiences: ['citizens', 'companies'],
    categories: ['transport'],
    lifeEvents: ['driving'],
    competence: [NARSA_CENTRE],
    channels: [NARSA_ONLINE, NARSA_COUNTER],
    documents: [
      {
        key: 'loss-declaration',
        name: { fr: 'Déclaration de perte ou de vol', ar: 'تصريح بالضياع أو السرقة' },
        form: 'original',
        copies: 1,
        issuer: { fr: 'Sûreté nationale ou Gendarmerie royale', ar: 'الأمن الوطني أو الدرك الملكي' },
        legal: { ref: 'loi-52-05' },
        editorNote:
          'Pièce exigée au titre du code de la route et de ses textes d’application (décrets et arrêtés) : texte exact et article à vérifier sur le texte officiel.',
      },
      {
        key: 'damaged',
        name: { fr: 'Carte grise détériorée', ar: 'البطاقة الرمادية المتلفة' },
        form: 'original',
        copies: 1,
        optional: true,
        condition: { fr: 'En cas de détérioration', ar: 'في حالة التلف' },
        legal: { ref: 'loi-52-05' },
        editorNote:
          'Pièce exigée au titre du code de la route et de ses textes d’application (décrets et arrêtés) : texte exact et article à vérifier sur le texte officiel.',
      },
      {
        ...CNIE_COPY,
        name: { fr: 'Copie de la CNIE du propriétaire', ar: 'نسخة من البطاقة الوطنية للمالك' },
        legal: { ref: 'loi-52-05' },
        editorNote:
          'Pièce exigée au titre du code de la route et de ses textes d’application (décrets et arrêtés) : texte exact et article à vérifier sur le texte officiel.',
      },
      {
        key: 'company',
        name: {
          fr: 'Modèle J du registre de commerce et pouvoir du représentant',
          ar: 'النموذج ج من السجل التجاري وتفويض الممثل',
        },
        form: 'original',
        copies: 1,
        optional: true,
        condition: { fr: 'Si le propriétaire est une société', ar: 'إذا كان المالك شركة' },
        legal: { ref: 'loi-52-05' },
        editorNote:
          'Pièce exigée au titre du code de la route et de ses textes d’application (décrets et arrêtés) : texte exact et article à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      {
        fr: 'Seul le propriétaire inscrit sur la carte grise (ou son mandataire) peut demander le duplicata.',
        ar: 'لا يمكن طلب النظير إلا من طرف المالك المسجل بالبطاقة الرمادية (أو وكيله).',
      },
      FEES_NOTE,
    ],
    fees: [],
    delay: {
      usual: { fr: 'En général quelques jours.', ar: 'عادة بضعة أيام.' },
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays.",
    },
    legalBasis: [LOI_52_05, LOI_103_14, LOI_55_19],
    steps: [
      { title: { fr: 'Déclarer la perte ou le vol', ar: 'التصريح بالضياع أو السرقة' } },
      {
        title: {
          fr: 'Déposer la demande en ligne ou au centre d’immatriculation',
          ar: 'تقديم الطلب عبر الإنترنت أو بمركز التسجيل',
        },
      },
      { title: { fr: 'Retirer le duplicata', ar: 'سحب النظير' } },
    ],
    keywords: {
      fr: ['carte grise perdue', 'duplicata carte grise', 'perte carte grise', 'carte grise volée'],
      ar: ['ضياع البطاقة الرمادية', 'نظير البطاقة الرمادية', 'شهادة التسجيل الضائعة'],
      darija: ['carte grise tlfat', 'lkarta grise mchat', 'tlfat lia carte grise'],
    },
    related: ['immatriculation-vehicule', 'mutation-vehicule'],
    source: 'https://www.narsa.ma',
  },
];
