import type { LegalText, ProcedureSource, RequiredDocument } from '../types';
import { CODE_FAMILLE, CONVENTION_VIENNE, LOI_36_21, LOI_37_99, LOI_55_19 } from '../legal-texts';

/** Higher education (grants, equivalences), electoral rolls, and Moroccans living abroad (consular registration, transcriptions). */

const LOI_57_11: LegalText = {
  id: 'loi-57-11',
  title: {
    fr: "Loi n° 57-11 relative aux listes électorales générales, aux opérations de référendums et à l'utilisation des moyens audiovisuels publics lors des campagnes électorales et référendaires",
    ar: 'القانون رقم 57.11 المتعلق باللوائح الانتخابية العامة وعمليات الاستفتاء واستعمال وسائل الاتصال السمعي البصري العمومية خلال الحملات الانتخابية والاستفتائية',
    en: 'Law No. 57-11 on the general electoral rolls and referendums',
  },
  reference: 'Dahir n° 1-11-171 du 30 kaada 1432 (28 octobre 2011)',
  url: 'https://www.listeselectorales.ma',
};

const LOI_01_00: LegalText = {
  id: 'loi-01-00',
  title: {
    fr: "Loi n° 01-00 portant organisation de l'enseignement supérieur",
    ar: 'القانون رقم 01.00 المتعلق بتنظيم التعليم العالي',
    en: 'Law No. 01-00 on the organisation of higher education',
  },
  reference: 'Dahir n° 1-00-199 du 15 safar 1421 (19 mai 2000)',
};

const LOI_81_00: LegalText = {
  id: 'loi-81-00',
  title: {
    fr: "Loi n° 81-00 portant création de l'Office national des œuvres universitaires sociales et culturelles (ONOUSC)",
    ar: 'القانون رقم 81.00 القاضي بإحداث المكتب الوطني للأعمال الجامعية الاجتماعية والثقافية',
  },
};

const DECRET_EQUIVALENCE: LegalText = {
  id: 'decret-2-01-333',
  title: {
    fr: "Décret n° 2-01-333 du 28 rabii I 1422 (21 juin 2001) relatif aux conditions et à la procédure d'octroi des équivalences de diplômes de l'enseignement supérieur",
    ar: 'المرسوم رقم 2.01.333 الصادر في 28 من ربيع الأول 1422 (21 يونيو 2001) في شأن شروط وإجراءات منح معادلات شهادات التعليم العالي',
  },
};

const CNIE: RequiredDocument = {
  key: 'cnie',
  name: { fr: 'CNIE en cours de validité', ar: 'البطاقة الوطنية للتعريف الإلكترونية سارية الصلاحية', en: 'Valid identity card' },
  form: 'original',
  copies: 1,
  issuer: { fr: 'DGSN', ar: 'المديرية العامة للأمن الوطني' },
};

const CONSULATE = {
  orgType: 'consulate',
  service: {
    fr: "Service de l'état civil du consulat du lieu de résidence",
    ar: 'مصلحة الحالة المدنية بقنصلية محل الإقامة',
    en: 'Civil status service of the consulate',
  },
};

const CONSULAT_ONLINE = {
  kind: 'online' as const,
  where: { fr: 'Rendez-vous et services consulaires en ligne', ar: 'المواعيد والخدمات القنصلية عبر الإنترنت' },
  url: 'https://www.consulat.ma',
};

export const educationElectionsMre: ProcedureSource[] = [
  {
    slug: 'bourse-enseignement-superieur-minhaty',
    owner: 'ONOUSC',
    title: {
      fr: "Bourse de l'enseignement supérieur (Minhaty)",
      ar: 'منحة التعليم العالي (منحتي)',
      en: 'Higher-education grant (Minhaty)',
    },
    summary: {
      fr: "Demander en ligne, sur le portail Minhaty, la bourse d'études des étudiants de l'enseignement supérieur public, attribuée selon des critères sociaux par une commission provinciale.",
      ar: 'طلب منحة الدراسة لطلبة التعليم العالي العمومي عبر بوابة منحتي، والتي تمنح وفق معايير اجتماعية من طرف لجنة إقليمية.',
      en: 'Apply online on the Minhaty portal for the public higher-education grant, awarded on social criteria by a provincial committee.',
    },
    audiences: ['citizens'],
    categories: ['education'],
    lifeEvents: ['studies'],
    competence: [
      {
        orgCodes: ['ONOUSC', 'MIN-ESRI'],
        service: {
          fr: "Office national des œuvres universitaires sociales et culturelles ; commission provinciale d'attribution des bourses",
          ar: 'المكتب الوطني للأعمال الجامعية الاجتماعية والثقافية؛ اللجنة الإقليمية لمنح المنح',
        },
      },
    ],
    channels: [
      {
        kind: 'online',
        where: {
          fr: 'Portail national des bourses Minhaty (pendant la période de candidature)',
          ar: 'البوابة الوطنية للمنح منحتي (خلال فترة الترشيح)',
        },
        url: 'https://www.minhaty.ma',
      },
    ],
    documents: [
      {
        key: 'online-form',
        name: { fr: 'Formulaire de candidature rempli en ligne', ar: 'استمارة الترشيح المعبأة عبر الإنترنت' },
        form: 'electronic',
        copies: 1,
        issuer: { fr: 'Portail www.minhaty.ma', ar: 'بوابة www.minhaty.ma' },
        legal: { ref: 'loi-81-00' },
        editorNote:
          'Pièce demandée par le portail de candidature ; texte réglementaire des bourses qui l’exige et article à vérifier sur le texte officiel.',
      },
      {
        key: 'cnie',
        name: { fr: "Numéro de CNIE de l'étudiant et des parents", ar: 'رقم البطاقة الوطنية للطالب وللأبوين' },
        form: 'electronic',
        copies: 1,
        legal: { ref: 'loi-81-00' },
        editorNote:
          'Pièce demandée par le portail de candidature ; texte réglementaire des bourses qui l’exige et article à vérifier sur le texte officiel.',
      },
      {
        key: 'bac',
        name: { fr: 'Code Massar et informations du baccalauréat', ar: 'رمز مسار ومعطيات شهادة البكالوريا' },
        form: 'electronic',
        copies: 1,
        legal: { ref: 'loi-81-00' },
        editorNote:
          'Pièce demandée par le portail de candidature ; texte réglementaire des bourses qui l’exige et article à vérifier sur le texte officiel.',
      },
      {
        key: 'income',
        name: {
          fr: 'Justificatifs de la situation sociale de la famille, si le portail les demande',
          ar: 'الوثائق المثبتة للوضعية الاجتماعية للأسرة إذا طلبتها البوابة',
        },
        form: 'copy',
        copies: 1,
        optional: true,
        condition: { fr: 'Selon les indications affichées lors de la candidature', ar: 'حسب التوجيهات المعروضة أثناء الترشيح' },
        legal: { ref: 'loi-81-00' },
        editorNote:
          'Pièce demandée par le portail de candidature ; texte réglementaire des bourses qui l’exige et article à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      {
        fr: "Être de nationalité marocaine, titulaire du baccalauréat et inscrit (ou en cours d'inscription) dans un établissement public d'enseignement supérieur.",
        ar: 'أن يكون الطالب مغربي الجنسية وحاصلا على البكالوريا ومسجلا (أو في طور التسجيل) بمؤسسة عمومية للتعليم العالي.',
      },
      {
        fr: "La bourse est attribuée selon des critères sociaux (revenus et situation de la famille), examinés par une commission provinciale ; la candidature n'est ouverte qu'à certaines dates, annoncées chaque année.",
        ar: 'تمنح المنحة وفق معايير اجتماعية (دخل الأسرة ووضعيتها) تدرسها لجنة إقليمية؛ ولا يفتح الترشيح إلا في فترات محددة يعلن عنها كل سنة.',
      },
    ],
    fees: [
      {
        key: 'gratuit',
        label: { fr: 'Candidature gratuite', ar: 'الترشيح مجاني' },
        amountMad: 0,
        legal: { ref: 'loi-81-00' },
        editorNote:
          'Gratuité constatée à la source consultée ; texte et article qui la fondent à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: {
        fr: 'Résultats publiés sur le portail après la réunion des commissions (en général à l’automne).',
        ar: 'تنشر النتائج بالبوابة بعد اجتماع اللجان (عادة في فصل الخريف).',
      },
      legal: { ref: 'loi-81-00' },
      editorNote:
        'Attribution par les commissions selon le calendrier annuel : aucun délai légal de réponse identifié. Texte réglementaire des bourses et article à vérifier sur le texte officiel.',
    },
    legalBasis: [LOI_01_00, LOI_81_00],
    steps: [
      {
        title: {
          fr: 'Créer son compte sur www.minhaty.ma pendant la période de candidature',
          ar: 'إنشاء حساب على www.minhaty.ma خلال فترة الترشيح',
        },
      },
      { title: { fr: 'Remplir le formulaire et valider la candidature', ar: 'ملء الاستمارة وتأكيد الترشيح' } },
      { title: { fr: 'Examen par la commission provinciale', ar: 'الدراسة من طرف اللجنة الإقليمية' } },
      { title: { fr: 'Consulter le résultat sur le portail', ar: 'الاطلاع على النتيجة بالبوابة' } },
    ],
    keywords: {
      fr: ['bourse', 'bourse étudiant', 'bourse universitaire', 'minhaty', 'bourse fac', 'aide étudiant'],
      ar: ['المنحة', 'منحة الطلبة', 'المنحة الجامعية', 'منحتي', 'منحة التعليم العالي'],
      darija: ['lmin7a', 'min7a', 'minha', 'min7ati', 'lbourse', 'bourse dyal jami3a'],
    },
    related: ['equivalence-diplome', 'attestation-revenu-non-imposition'],
    source: 'https://www.minhaty.ma',
  },
  {
    slug: 'equivalence-diplome',
    owner: 'MIN-ESRI',
    title: {
      fr: "Équivalence d'un diplôme étranger de l'enseignement supérieur",
      ar: 'معادلة شهادة أجنبية للتعليم العالي',
      en: 'Equivalence of a foreign higher-education degree',
    },
    summary: {
      fr: "Demander l'équivalence d'un diplôme d'enseignement supérieur obtenu à l'étranger avec un diplôme national, pour poursuivre des études, passer un concours ou exercer certaines professions.",
      ar: 'طلب معادلة شهادة للتعليم العالي محصل عليها بالخارج بشهادة وطنية، لمتابعة الدراسة أو اجتياز المباريات أو مزاولة بعض المهن.',
      en: 'Apply for the equivalence of a foreign higher-education degree with a national degree.',
    },
    audiences: ['citizens', 'mre'],
    categories: ['education'],
    lifeEvents: ['studies', 'employment'],
    competence: [
      {
        orgCodes: ['MIN-ESRI'],
        service: { fr: 'Service des équivalences du ministère', ar: 'مصلحة المعادلات بالوزارة' },
      },
    ],
    channels: [
      {
        kind: 'online',
        where: { fr: 'Demande en ligne sur le portail du ministère', ar: 'الطلب عبر الإنترنت في بوابة الوزارة' },
        url: 'https://www.enssup.gov.ma',
      },
    ],
    documents: [
      {
        key: 'diploma',
        name: { fr: 'Copie du diplôme (et de sa traduction si nécessaire)', ar: 'نسخة من الشهادة (وترجمتها عند الاقتضاء)' },
        form: 'certified_copy',
        copies: 1,
        issuer: {
          fr: 'Établissement étranger ; traduction par un traducteur agréé',
          ar: 'المؤسسة الأجنبية؛ الترجمة من طرف ترجمان مقبول',
        },
        legal: { ref: 'decret-2-01-333' },
        editorNote: 'Article à vérifier sur le texte officiel.',
      },
      {
        key: 'transcripts',
        name: { fr: 'Relevés de notes de toutes les années d’études', ar: 'كشوف النقط لجميع سنوات الدراسة' },
        form: 'copy',
        copies: 1,
        legal: { ref: 'decret-2-01-333' },
        editorNote: 'Article à vérifier sur le texte officiel.',
      },
      {
        key: 'bac',
        name: { fr: 'Copie du baccalauréat (ou diplôme équivalent)', ar: 'نسخة من شهادة البكالوريا (أو ما يعادلها)' },
        form: 'copy',
        copies: 1,
        legal: { ref: 'decret-2-01-333' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      },
      {
        key: 'programme',
        name: {
          fr: 'Programme détaillé des études et, le cas échéant, mémoire ou thèse',
          ar: 'البرنامج المفصل للدراسة والبحث أو الأطروحة عند الاقتضاء',
        },
        form: 'copy',
        copies: 1,
        legal: { ref: 'decret-2-01-333' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      },
      {
        key: 'cnie',
        name: { fr: 'Copie de la CNIE ou du passeport', ar: 'نسخة من البطاقة الوطنية أو جواز السفر' },
        form: 'copy',
        copies: 1,
        legal: { ref: 'decret-2-01-333' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      {
        fr: "L'équivalence est accordée après avis d'une commission sectorielle qui compare la durée et le contenu de la formation avec le diplôme national.",
        ar: 'تمنح المعادلة بعد رأي لجنة قطاعية تقارن مدة التكوين ومضمونه بالشهادة الوطنية.',
      },
    ],
    fees: [],
    delay: {
      usual: { fr: 'En général plusieurs semaines à quelques mois.', ar: 'عادة من عدة أسابيع إلى بضعة أشهر.' },
      legal: { ref: 'decret-2-01-333' },
      editorNote:
        'Délai éventuellement fixé par le décret 2-01-333 à vérifier ; à défaut, plafond général de la loi 55.19 (60 jours). Article à vérifier sur le texte officiel.',
    },
    legalBasis: [DECRET_EQUIVALENCE, LOI_01_00],
    steps: [
      { title: { fr: 'Créer un compte et remplir la demande en ligne', ar: 'إنشاء حساب وملء الطلب عبر الإنترنت' } },
      { title: { fr: 'Téléverser ou déposer les pièces', ar: 'تحميل أو إيداع الوثائق' } },
      { title: { fr: 'Examen par la commission des équivalences', ar: 'الدراسة من طرف لجنة المعادلات' } },
      { title: { fr: "Recevoir l'arrêté ou la décision d'équivalence", ar: 'التوصل بقرار المعادلة' } },
    ],
    keywords: {
      fr: ['équivalence diplôme', 'equivalence diplome', 'diplôme étranger', 'reconnaissance diplôme', 'équivalence master'],
      ar: ['معادلة الشهادة', 'معادلة الدبلوم', 'الشهادات الأجنبية', 'معادلة الشهادات'],
      darija: ['mou3adala', 'mo3adala dyal diplome', 'equivalence', 'diplome mn lkharij'],
    },
    related: ['bourse-enseignement-superieur-minhaty', 'copie-conforme'],
    source: 'https://www.enssup.gov.ma',
  },
  {
    slug: 'inscription-listes-electorales',
    owner: 'MIN-INTERIEUR',
    title: {
      fr: 'Inscription sur les listes électorales générales',
      ar: 'التسجيل في اللوائح الانتخابية العامة',
      en: 'Registration on the general electoral rolls',
    },
    summary: {
      fr: "S'inscrire sur les listes électorales pour pouvoir voter aux élections communales, régionales, législatives et aux référendums, en ligne ou auprès de la commune.",
      ar: 'التسجيل في اللوائح الانتخابية للتمكن من التصويت في الانتخابات الجماعية والجهوية والتشريعية والاستفتاءات، عبر الإنترنت أو لدى الجماعة.',
      en: 'Register on the electoral rolls to vote, online or at the commune.',
    },
    audiences: ['citizens', 'mre'],
    categories: ['elections'],
    lifeEvents: ['elections'],
    competence: [
      {
        orgType: 'commune',
        service: {
          fr: "Bureau des élections de la commune (ou de l'arrondissement) ; commission administrative de révision des listes",
          ar: 'مكتب الانتخابات بالجماعة (أو المقاطعة)؛ اللجنة الإدارية لمراجعة اللوائح',
        },
      },
    ],
    channels: [
      {
        kind: 'online',
        where: {
          fr: 'Portail des listes électorales (inscription et vérification)',
          ar: 'بوابة اللوائح الانتخابية (التسجيل والتحقق)',
        },
        url: 'https://www.listeselectorales.ma',
      },
      {
        kind: 'counter',
        where: {
          fr: "Siège de la commune ou de l'arrondissement du lieu de résidence",
          ar: 'مقر الجماعة أو المقاطعة لمحل الإقامة',
        },
      },
    ],
    documents: [{ ...CNIE, legal: { ref: 'loi-57-11' }, editorNote: 'Article à vérifier sur le texte officiel.' }],
    conditions: [
      {
        fr: 'Être de nationalité marocaine, âgé de 18 ans révolus, jouir de ses droits civils et politiques et ne se trouver dans aucun cas d’incapacité prévu par la loi.',
        ar: 'أن يكون المعني بالأمر مغربي الجنسية، بالغا من العمر 18 سنة شمسية كاملة، متمتعا بحقوقه المدنية والسياسية، وغير موجود في إحدى حالات فقدان الأهلية المنصوص عليها قانونا.',
      },
      {
        fr: "S'inscrire dans la commune de sa résidence effective (ou, dans les conditions de la loi, dans sa commune d'origine). La demande est examinée par la commission administrative lors de la révision des listes.",
        ar: 'التسجيل بجماعة محل الإقامة الفعلية (أو بالجماعة الأصلية وفق الشروط القانونية). وتبت اللجنة الإدارية في الطلب خلال مراجعة اللوائح.',
      },
    ],
    fees: [
      {
        key: 'gratuit',
        label: { fr: 'Gratuit', ar: 'مجاني' },
        amountMad: 0,
        legal: { ref: 'loi-57-11' },
        editorNote: 'Article à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: {
        fr: 'La décision est prise lors de la révision des listes ; le résultat est consultable en ligne ou par SMS (2727).',
        ar: 'يتم البت خلال مراجعة اللوائح؛ ويمكن الاطلاع على النتيجة عبر الإنترنت أو برسالة نصية (2727).',
      },
      legal: { ref: 'loi-57-11' },
      editorNote:
        'Décision de la commission administrative lors de la révision des listes, selon le calendrier fixé par la loi 57-11 : aucun délai de réponse en jours ; articles à vérifier sur le texte officiel.',
    },
    legalBasis: [LOI_57_11],
    steps: [
      {
        title: { fr: 'Déposer la demande en ligne ou à la commune', ar: 'تقديم الطلب عبر الإنترنت أو لدى الجماعة' },
        detail: { fr: 'Un récépissé est remis.', ar: 'يسلم وصل.' },
      },
      { title: { fr: 'Examen par la commission administrative', ar: 'البت من طرف اللجنة الإدارية' } },
      { title: { fr: 'Vérifier son inscription et son bureau de vote', ar: 'التحقق من التسجيل ومكتب التصويت' } },
    ],
    keywords: {
      fr: ['listes électorales', 'inscription électorale', 'voter', 'carte électeur', 'élections', 'bureau de vote'],
      ar: ['اللوائح الانتخابية', 'التسجيل في اللوائح', 'الانتخابات', 'التصويت', 'مكتب التصويت'],
      darija: ['tsjil f lawa2i7', 'lintikhabat', 'nsawet', 'lwa2i7 lintikhabia', 'tsowit'],
    },
    related: ['transfert-inscription-listes-electorales', 'carte-nationale-identite-premiere-demande'],
    source: 'https://www.listeselectorales.ma',
  },
  {
    slug: 'transfert-inscription-listes-electorales',
    owner: 'MIN-INTERIEUR',
    title: {
      fr: "Transfert d'inscription sur les listes électorales (changement de commune)",
      ar: 'نقل التسجيل في اللوائح الانتخابية (تغيير الجماعة)',
      en: 'Transfer of electoral registration to another commune',
    },
    summary: {
      fr: 'Demander le transfert de son inscription électorale vers la commune de sa nouvelle résidence après un déménagement.',
      ar: 'طلب نقل التسجيل في اللوائح الانتخابية إلى جماعة محل الإقامة الجديد بعد تغيير السكن.',
      en: 'Move one’s electoral registration to the commune of the new residence.',
    },
    audiences: ['citizens', 'mre'],
    categories: ['elections'],
    lifeEvents: ['elections', 'housing_building'],
    competence: [
      {
        orgType: 'commune',
        service: {
          fr: 'Commission administrative de la commune de la nouvelle résidence',
          ar: 'اللجنة الإدارية بجماعة محل الإقامة الجديد',
        },
      },
    ],
    channels: [
      {
        kind: 'online',
        where: { fr: 'Portail des listes électorales', ar: 'بوابة اللوائح الانتخابية' },
        url: 'https://www.listeselectorales.ma',
      },
      {
        kind: 'counter',
        where: { fr: 'Commune ou arrondissement de la nouvelle résidence', ar: 'جماعة أو مقاطعة محل الإقامة الجديد' },
      },
    ],
    documents: [{ ...CNIE, legal: { ref: 'loi-57-11' }, editorNote: 'Article à vérifier sur le texte officiel.' }],
    conditions: [
      {
        fr: "Être déjà inscrit sur les listes d'une autre commune ; la radiation de l'ancienne liste est faite d'office après le transfert.",
        ar: 'أن يكون المعني مسجلا من قبل في لوائح جماعة أخرى؛ ويتم التشطيب عليه من اللائحة القديمة تلقائيا بعد النقل.',
      },
    ],
    fees: [
      {
        key: 'gratuit',
        label: { fr: 'Gratuit', ar: 'مجاني' },
        amountMad: 0,
        legal: { ref: 'loi-57-11' },
        editorNote:
          'Gratuité constatée à la source consultée ; texte et article qui la fondent à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: { fr: 'Lors de la révision des listes.', ar: 'خلال مراجعة اللوائح.' },
      legal: { ref: 'loi-57-11' },
      editorNote:
        'Décision de la commission administrative lors de la révision des listes, selon le calendrier fixé par la loi 57-11 : aucun délai de réponse en jours ; articles à vérifier sur le texte officiel.',
    },
    legalBasis: [LOI_57_11],
    steps: [
      {
        title: {
          fr: 'Déposer la demande de transfert en ligne ou à la commune',
          ar: 'تقديم طلب النقل عبر الإنترنت أو لدى الجماعة',
        },
      },
      { title: { fr: 'Décision de la commission administrative', ar: 'قرار اللجنة الإدارية' } },
      { title: { fr: 'Vérifier sa nouvelle inscription', ar: 'التحقق من التسجيل الجديد' } },
    ],
    keywords: {
      fr: ['transfert inscription électorale', 'changement commune vote', 'déménagement listes électorales'],
      ar: ['نقل التسجيل', 'تغيير الدائرة الانتخابية', 'نقل القيد في اللوائح الانتخابية'],
      darija: ['n9el tsjil', 'bdelt sokna lintikhabat', 'tbdil jama3a'],
    },
    related: ['inscription-listes-electorales'],
    source: 'https://www.listeselectorales.ma',
  },
  {
    slug: 'immatriculation-consulaire',
    owner: 'MAEC',
    title: {
      fr: 'Immatriculation consulaire (carte consulaire)',
      ar: 'التسجيل القنصلي (البطاقة القنصلية)',
      en: 'Consular registration (consular card)',
    },
    summary: {
      fr: "Les Marocains qui s'installent à l'étranger s'immatriculent au consulat de leur lieu de résidence : l'immatriculation donne accès aux services consulaires et à la carte consulaire.",
      ar: 'يسجل المغاربة المقيمون بالخارج أنفسهم لدى قنصلية محل إقامتهم، ويخول التسجيل الاستفادة من الخدمات القنصلية ومن البطاقة القنصلية.',
      en: 'Moroccans settling abroad register at the consulate of their residence to access consular services.',
    },
    audiences: ['mre'],
    categories: ['mre'],
    lifeEvents: ['living_abroad'],
    competence: [
      {
        orgType: 'consulate',
        service: { fr: "Service de l'immatriculation du consulat", ar: 'مصلحة التسجيل القنصلي بالقنصلية' },
      },
    ],
    channels: [CONSULAT_ONLINE, { kind: 'counter', where: { fr: 'Consulat du lieu de résidence', ar: 'قنصلية محل الإقامة' } }],
    documents: [
      {
        key: 'form',
        name: { fr: "Formulaire d'immatriculation", ar: 'استمارة التسجيل القنصلي' },
        form: 'original',
        copies: 1,
        legal: { ref: 'convention-vienne-1963' },
        editorNote:
          'La Convention de Vienne fonde la compétence consulaire ; la pièce est exigée par la pratique consulaire : texte marocain qui l’exige et article à vérifier sur le texte officiel.',
      },
      {
        key: 'id',
        name: { fr: 'CNIE ou passeport marocain', ar: 'البطاقة الوطنية أو جواز السفر المغربي' },
        form: 'copy',
        copies: 1,
        legal: { ref: 'convention-vienne-1963' },
        editorNote:
          'La Convention de Vienne fonde la compétence consulaire ; la pièce est exigée par la pratique consulaire : texte marocain qui l’exige et article à vérifier sur le texte officiel.',
      },
      {
        key: 'residence',
        name: {
          fr: 'Justificatif de résidence dans la circonscription (titre de séjour, facture, bail)',
          ar: 'ما يثبت الإقامة بالدائرة القنصلية (سند الإقامة، فاتورة، عقد كراء)',
        },
        form: 'copy',
        copies: 1,
        legal: { ref: 'convention-vienne-1963' },
        editorNote:
          'La Convention de Vienne fonde la compétence consulaire ; la pièce est exigée par la pratique consulaire : texte marocain qui l’exige et article à vérifier sur le texte officiel.',
      },
      {
        key: 'photos',
        name: { fr: "Photographies d'identité", ar: 'صور شمسية' },
        form: 'original',
        copies: 2,
        legal: { ref: 'convention-vienne-1963' },
        editorNote:
          'La Convention de Vienne fonde la compétence consulaire ; la pièce est exigée par la pratique consulaire : texte marocain qui l’exige et article à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      {
        fr: 'Être de nationalité marocaine et résider dans la circonscription du consulat ; se présenter en personne.',
        ar: 'أن يكون المعني مغربي الجنسية ومقيما بالدائرة القنصلية، مع الحضور الشخصي.',
      },
    ],
    fees: [
      {
        key: 'gratuit',
        label: { fr: 'Gratuit', ar: 'مجاني' },
        amountMad: 0,
        legal: { ref: 'convention-vienne-1963' },
        editorNote:
          'Gratuité constatée à la source consultée ; texte et article qui la fondent à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: { fr: 'En général le jour même.', ar: 'عادة في نفس اليوم.' },
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays.",
    },
    legalBasis: [CONVENTION_VIENNE, LOI_55_19],
    steps: [
      { title: { fr: 'Prendre rendez-vous auprès du consulat', ar: 'أخذ موعد لدى القنصلية' } },
      { title: { fr: 'Déposer le formulaire et les pièces', ar: 'إيداع الاستمارة والوثائق' } },
      { title: { fr: 'Recevoir la carte consulaire', ar: 'تسلم البطاقة القنصلية' } },
    ],
    keywords: {
      fr: ['immatriculation consulaire', 'carte consulaire', 'inscription consulat', 'MRE', 'consulat du Maroc'],
      ar: ['التسجيل القنصلي', 'البطاقة القنصلية', 'التسجيل بالقنصلية', 'الجالية المغربية', 'مغاربة العالم'],
      darija: ['carta consulaire', 'tsjil f l9onsolia', 'l9onsolia', 'bitaka 9onsolia', 'jalia'],
    },
    related: [
      'carte-nationale-identite-marocains-du-monde',
      'passeport-biometrique-marocains-du-monde',
      'transcription-naissance-etranger',
    ],
    source: 'https://www.consulat.ma',
  },
  {
    slug: 'transcription-naissance-etranger',
    owner: 'MAEC',
    title: {
      fr: "Déclaration ou transcription d'une naissance survenue à l'étranger",
      ar: 'التصريح بولادة وقعت بالخارج أو نقل رسمها',
      en: 'Registration of a birth abroad',
    },
    summary: {
      fr: "Faire inscrire à l'état civil marocain la naissance d'un enfant marocain né à l'étranger, par déclaration au consulat ou par transcription de l'acte de naissance étranger.",
      ar: 'تسجيل ولادة طفل مغربي ولد بالخارج بالحالة المدنية المغربية، بالتصريح لدى القنصلية أو بنقل رسم الولادة الأجنبي.',
      en: 'Register in the Moroccan civil status the birth of a Moroccan child born abroad, at the consulate.',
    },
    audiences: ['mre'],
    categories: ['civil_status', 'mre'],
    lifeEvents: ['birth', 'living_abroad'],
    competence: [CONSULATE],
    channels: [CONSULAT_ONLINE, { kind: 'counter', where: { fr: 'Consulat du lieu de résidence', ar: 'قنصلية محل الإقامة' } }],
    documents: [
      {
        key: 'foreign-act',
        name: { fr: "Copie intégrale de l'acte de naissance étranger", ar: 'نسخة كاملة من رسم الولادة الأجنبي' },
        description: {
          fr: 'Avec sa traduction si elle n’est pas rédigée en français, en espagnol ou en arabe, selon les exigences du consulat.',
          ar: 'مع ترجمتها إذا لم تكن محررة باللغة الفرنسية أو الإسبانية أو العربية، حسب متطلبات القنصلية.',
        },
        form: 'original',
        copies: 1,
        issuer: { fr: 'Autorités du pays de naissance', ar: 'سلطات بلد الولادة' },
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
      {
        key: 'livret',
        name: { fr: 'Livret de famille marocain', ar: 'الدفتر العائلي المغربي' },
        form: 'original',
        copies: 1,
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
      {
        key: 'parents-id',
        name: { fr: 'CNIE ou passeport des parents', ar: 'البطاقة الوطنية أو جواز سفر الأبوين' },
        form: 'copy',
        copies: 1,
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
      {
        key: 'marriage',
        name: {
          fr: 'Acte de mariage des parents transcrit à l’état civil marocain',
          ar: 'عقد زواج الأبوين المسجل بالحالة المدنية المغربية',
        },
        form: 'copy',
        copies: 1,
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Texte et article à vérifier sur le texte officiel (loi 36-21 et ses textes d’application ; sous le régime antérieur, loi 37-99 et décret 2-99-665).',
      },
    ],
    conditions: [
      {
        fr: 'La naissance est déclarée au consulat dans les trente jours ; au-delà, la transcription se fait sur la base de l’acte étranger, dans les conditions de la loi, ou sur jugement.',
        ar: 'يتم التصريح بالولادة لدى القنصلية داخل أجل ثلاثين يوما؛ وبعده يتم النقل بناء على الرسم الأجنبي وفق الشروط القانونية أو بمقتضى حكم.',
      },
      {
        fr: "Le prénom doit respecter les règles de l'état civil marocain.",
        ar: 'يجب أن يحترم الاسم الشخصي قواعد الحالة المدنية المغربية.',
      },
    ],
    fees: [
      {
        key: 'gratuit',
        label: { fr: 'Gratuit', ar: 'مجاني' },
        amountMad: 0,
        legal: { ref: 'loi-36-21' },
        editorNote:
          'Gratuité constatée à la source consultée ; texte et article qui la fondent à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: { fr: 'En général quelques jours à quelques semaines.', ar: 'عادة من بضعة أيام إلى بضعة أسابيع.' },
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays.",
    },
    legalBasis: [LOI_36_21, LOI_37_99, CONVENTION_VIENNE, LOI_55_19],
    steps: [
      { title: { fr: 'Prendre rendez-vous au consulat', ar: 'أخذ موعد بالقنصلية' } },
      { title: { fr: 'Déposer la déclaration ou la demande de transcription', ar: 'إيداع التصريح أو طلب النقل' } },
      { title: { fr: "Inscription de l'enfant au livret de famille", ar: 'تقييد الطفل بالدفتر العائلي' } },
    ],
    keywords: {
      fr: ['naissance à l’étranger', 'transcription acte de naissance', 'enfant né en France', 'déclarer naissance consulat'],
      ar: ['تسجيل ولادة بالخارج', 'نقل رسم الولادة', 'التصريح بالولادة بالقنصلية', 'مولود بالخارج'],
      darija: ['tsjil lwild f l9onsolia', 'weldi tzad f lkharij', 'tsjil bebe f consulat'],
    },
    related: ['immatriculation-consulaire', 'declaration-naissance', 'livret-famille'],
    source: 'https://www.consulat.ma',
  },
  {
    slug: 'transcription-mariage-etranger',
    owner: 'MAEC',
    title: {
      fr: "Transcription d'un mariage conclu à l'étranger",
      ar: 'تسجيل عقد زواج مبرم بالخارج',
      en: 'Registration of a marriage concluded abroad',
    },
    summary: {
      fr: "Les Marocains mariés à l'étranger selon les formes locales déposent une copie de l'acte au consulat dans les trois mois, pour qu'il soit transcrit à l'état civil marocain.",
      ar: 'يودع المغاربة الذين أبرموا زواجهم بالخارج وفق الإجراءات الإدارية المحلية نسخة من العقد لدى القنصلية داخل أجل ثلاثة أشهر قصد تسجيله بالحالة المدنية المغربية.',
      en: 'Moroccans married abroad under local forms file a copy of the act at the consulate within three months.',
    },
    audiences: ['mre'],
    categories: ['civil_status', 'mre'],
    lifeEvents: ['marriage', 'living_abroad'],
    competence: [CONSULATE],
    channels: [
      CONSULAT_ONLINE,
      { kind: 'counter', where: { fr: "Consulat du lieu de conclusion de l'acte", ar: 'قنصلية مكان إبرام العقد' } },
    ],
    documents: [
      {
        key: 'marriage-act',
        name: { fr: "Copie de l'acte de mariage établi selon la loi locale", ar: 'نسخة من عقد الزواج المبرم وفق القانون المحلي' },
        form: 'certified_copy',
        copies: 1,
        issuer: { fr: 'Autorités du pays de résidence', ar: 'سلطات بلد الإقامة' },
        legal: { ref: 'code-famille', article: 'art. 15' },
      },
      {
        key: 'ids',
        name: { fr: 'CNIE ou passeport des deux époux', ar: 'البطاقة الوطنية أو جواز سفر الزوجين' },
        form: 'copy',
        copies: 2,
        legal: { ref: 'code-famille' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      },
      {
        key: 'birth',
        name: {
          fr: "Extrait d'acte de naissance de l'époux ou de l'épouse marocain(e)",
          ar: 'نسخة موجزة من رسم ولادة الزوج أو الزوجة المغربي(ة)',
        },
        form: 'original',
        copies: 1,
        legal: { ref: 'code-famille' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      {
        fr: "Le mariage doit réunir les conditions de fond du Code de la famille : consentement, capacité, présence du tuteur matrimonial (wali) s'il y a lieu, absence d'empêchements, pas de clause supprimant la dot, et deux témoins musulmans.",
        ar: 'يجب أن يستجمع الزواج شروط مدونة الأسرة: الإيجاب والقبول، والأهلية، والولي عند الاقتضاء، وانتفاء الموانع، وعدم النص على إسقاط الصداق، وحضور شاهدين مسلمين.',
      },
      {
        fr: "La copie est déposée dans les trois mois au consulat ; en l'absence de consulat, elle est adressée au ministère des Affaires étrangères, qui la transmet à l'état civil et à la section de la justice de la famille du lieu de naissance des époux.",
        ar: 'تودع النسخة داخل أجل ثلاثة أشهر لدى القنصلية، وإن لم توجد توجه إلى الوزارة المكلفة بالشؤون الخارجية، التي تحيلها على ضابط الحالة المدنية وقسم قضاء الأسرة لمحل ولادة الزوجين.',
      },
    ],
    fees: [
      {
        key: 'gratuit',
        label: { fr: 'Gratuit', ar: 'مجاني' },
        amountMad: 0,
        legal: { ref: 'code-famille' },
        editorNote:
          'Gratuité constatée à la source consultée ; texte et article qui la fondent à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: { fr: 'En général quelques semaines (transmission au Maroc).', ar: 'عادة بضعة أسابيع (الإحالة على المغرب).' },
      legal: { ref: 'code-famille' },
      editorNote:
        'Le délai fixé par le Code de la famille est celui du dépôt de l’acte par les époux ; aucun délai légal de transcription par l’administration identifié. Article à vérifier sur le texte officiel.',
    },
    legalBasis: [CODE_FAMILLE, LOI_36_21],
    steps: [
      {
        title: {
          fr: 'Se marier selon les formes locales en respectant l’article 14 du Code de la famille',
          ar: 'إبرام الزواج وفق الإجراءات المحلية مع احترام المادة 14 من مدونة الأسرة',
        },
      },
      {
        title: {
          fr: "Déposer une copie de l'acte au consulat dans les trois mois",
          ar: 'إيداع نسخة من العقد بالقنصلية داخل أجل ثلاثة أشهر',
        },
      },
      {
        title: {
          fr: "Transmission à l'état civil et à la section de la famille",
          ar: 'الإحالة على ضابط الحالة المدنية وقسم قضاء الأسرة',
        },
      },
      { title: { fr: 'Mise à jour du livret de famille', ar: 'تحيين الدفتر العائلي' } },
    ],
    keywords: {
      fr: ['mariage à l’étranger', 'transcription mariage', 'mariage civil France', 'mariage mairie consulat', 'article 14'],
      ar: ['تسجيل الزواج المدني', 'زواج بالخارج', 'توثيق الزواج المبرم بالخارج', 'المادة 14 من مدونة الأسرة'],
      darija: ['zwaj f lkharij', 'zwaj mdani', 'tsjil zwaj f l9onsolia', 'zwaj f lmairie'],
    },
    related: ['dossier-mariage', 'livret-famille', 'immatriculation-consulaire', 'certificat-celibat'],
    source: 'https://www.consulat.ma',
  },
  {
    slug: 'laissez-passer-consulaire',
    owner: 'MAEC',
    title: {
      fr: 'Laissez-passer consulaire pour rentrer au Maroc',
      ar: 'جواز المرور القنصلي للعودة إلى المغرب',
      en: 'Consular laissez-passer to return to Morocco',
    },
    summary: {
      fr: "Un Marocain à l'étranger dont le passeport a été perdu, volé ou a expiré et qui doit rentrer d'urgence au Maroc peut obtenir du consulat un laissez-passer, valable pour le seul voyage de retour.",
      ar: 'يمكن للمغربي المقيم أو المتواجد بالخارج الذي ضاع جواز سفره أو سرق أو انتهت صلاحيته ويتعين عليه العودة إلى المغرب بصفة مستعجلة، الحصول من القنصلية على جواز مرور صالح لرحلة العودة فقط.',
      en: 'A Moroccan abroad whose passport was lost, stolen or expired can obtain a laissez-passer from the consulate for the return journey.',
    },
    audiences: ['mre'],
    categories: ['travel', 'mre'],
    lifeEvents: ['living_abroad', 'travel_abroad'],
    competence: [
      { orgType: 'consulate', service: { fr: 'Service des passeports du consulat', ar: 'مصلحة جوازات السفر بالقنصلية' } },
    ],
    channels: [
      CONSULAT_ONLINE,
      { kind: 'counter', where: { fr: 'Ambassade ou consulat le plus proche', ar: 'أقرب سفارة أو قنصلية' } },
    ],
    documents: [
      {
        key: 'loss-declaration',
        name: {
          fr: 'Déclaration de perte ou de vol faite auprès de la police locale',
          ar: 'تصريح بالضياع أو السرقة لدى الشرطة المحلية',
        },
        form: 'original',
        copies: 1,
        optional: true,
        condition: { fr: 'En cas de perte ou de vol du passeport', ar: 'في حالة ضياع جواز السفر أو سرقته' },
        issuer: { fr: 'Police du pays de séjour', ar: 'شرطة بلد الإقامة' },
        legal: { ref: 'convention-vienne-1963' },
        editorNote:
          'La Convention de Vienne fonde la compétence consulaire ; la pièce est exigée par la pratique consulaire : texte marocain qui l’exige et article à vérifier sur le texte officiel.',
      },
      {
        key: 'identity-proof',
        name: {
          fr: "Tout document prouvant l'identité et la nationalité marocaine (CNIE, copie du passeport, carte consulaire, acte de naissance)",
          ar: 'كل وثيقة تثبت الهوية والجنسية المغربية (البطاقة الوطنية، نسخة من جواز السفر، البطاقة القنصلية، رسم الولادة)',
        },
        form: 'copy',
        copies: 1,
        legal: { ref: 'convention-vienne-1963' },
        editorNote:
          'La Convention de Vienne fonde la compétence consulaire ; la pièce est exigée par la pratique consulaire : texte marocain qui l’exige et article à vérifier sur le texte officiel.',
      },
      {
        key: 'photos',
        name: { fr: "Photographies d'identité récentes", ar: 'صور شمسية حديثة' },
        form: 'original',
        copies: 2,
        legal: { ref: 'convention-vienne-1963' },
        editorNote:
          'La Convention de Vienne fonde la compétence consulaire ; la pièce est exigée par la pratique consulaire : texte marocain qui l’exige et article à vérifier sur le texte officiel.',
      },
      {
        key: 'travel',
        name: { fr: 'Justificatif du voyage (billet ou réservation)', ar: 'ما يثبت السفر (تذكرة أو حجز)' },
        form: 'copy',
        copies: 1,
        optional: true,
        condition: { fr: 'Si le consulat le demande', ar: 'إذا طلبته القنصلية' },
        legal: { ref: 'convention-vienne-1963' },
        editorNote:
          'La Convention de Vienne fonde la compétence consulaire ; la pièce est exigée par la pratique consulaire : texte marocain qui l’exige et article à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      {
        fr: "Le consulat vérifie l'identité et la nationalité du demandeur ; le laissez-passer ne sert qu'à regagner le Maroc, où un nouveau passeport peut ensuite être demandé.",
        ar: 'تتحقق القنصلية من هوية الطالب وجنسيته؛ ولا يصلح جواز المرور إلا للعودة إلى المغرب، حيث يمكن بعد ذلك طلب جواز سفر جديد.',
      },
    ],
    fees: [],
    delay: {
      usual: {
        fr: 'En général le jour même ou sous quelques jours selon les vérifications.',
        ar: 'عادة في نفس اليوم أو خلال بضعة أيام حسب التحريات.',
      },
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays.",
    },
    legalBasis: [CONVENTION_VIENNE, LOI_55_19],
    steps: [
      { title: { fr: 'Déclarer la perte ou le vol à la police locale', ar: 'التصريح بالضياع أو السرقة لدى الشرطة المحلية' } },
      { title: { fr: 'Se présenter au consulat avec les pièces', ar: 'الحضور إلى القنصلية مع الوثائق' } },
      { title: { fr: 'Retirer le laissez-passer et rentrer au Maroc', ar: 'سحب جواز المرور والعودة إلى المغرب' } },
    ],
    keywords: {
      fr: [
        'laissez-passer',
        'laisser passer',
        'passeport perdu à l’étranger',
        'titre de voyage urgence',
        'passeport volé étranger',
      ],
      ar: ['جواز المرور', 'ورقة المرور', 'ضياع جواز السفر بالخارج', 'وثيقة سفر مؤقتة'],
      darija: ['laisser passer', 'jawaz tlef f lkharij', 'passpor tsr9 f lkharij', 'wra9at lmoror'],
    },
    related: ['passeport-biometrique-marocains-du-monde', 'immatriculation-consulaire'],
    source: 'https://www.consulat.ma',
  },
  {
    slug: 'procuration-consulaire',
    owner: 'MAEC',
    title: {
      fr: 'Procuration et légalisation de signature au consulat',
      ar: 'الوكالة وتصحيح الإمضاء بالقنصلية',
      en: 'Power of attorney and signature legalisation at the consulate',
    },
    summary: {
      fr: "Les Marocains résidant à l'étranger font légaliser leur signature (procuration, engagement, contrat) par le consulat, pour des démarches à effectuer au Maroc.",
      ar: 'يصحح المغاربة المقيمون بالخارج إمضاءاتهم (وكالة، التزام، عقد) لدى القنصلية، قصد القيام بإجراءات بالمغرب.',
      en: 'Moroccans abroad have their signature legalised by the consulate (power of attorney, undertaking, contract) for formalities in Morocco.',
    },
    audiences: ['mre'],
    categories: ['certificates', 'mre'],
    lifeEvents: ['living_abroad'],
    competence: [
      { orgType: 'consulate', service: { fr: 'Service de la légalisation du consulat', ar: 'مصلحة تصحيح الإمضاءات بالقنصلية' } },
    ],
    channels: [CONSULAT_ONLINE, { kind: 'counter', where: { fr: 'Consulat du lieu de résidence', ar: 'قنصلية محل الإقامة' } }],
    documents: [
      {
        ...CNIE,
        legal: { ref: 'convention-vienne-1963' },
        editorNote:
          'La Convention de Vienne fonde la compétence consulaire ; la pièce est exigée par la pratique consulaire : texte marocain qui l’exige et article à vérifier sur le texte officiel.',
      },
      {
        key: 'document',
        name: {
          fr: 'Le document à signer (procuration, engagement…), non signé à l’avance',
          ar: 'الوثيقة المراد توقيعها (وكالة، التزام…) غير موقعة مسبقا',
        },
        form: 'original',
        copies: 1,
        legal: { ref: 'convention-vienne-1963' },
        editorNote:
          'La Convention de Vienne fonde la compétence consulaire ; la pièce est exigée par la pratique consulaire : texte marocain qui l’exige et article à vérifier sur le texte officiel.',
      },
      {
        key: 'proxy-id',
        name: { fr: 'Copie de la CNIE du mandataire', ar: 'نسخة من البطاقة الوطنية للوكيل' },
        form: 'copy',
        copies: 1,
        optional: true,
        condition: { fr: 'Pour une procuration', ar: 'بالنسبة للوكالة' },
        legal: { ref: 'convention-vienne-1963' },
        editorNote:
          'La Convention de Vienne fonde la compétence consulaire ; la pièce est exigée par la pratique consulaire : texte marocain qui l’exige et article à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      {
        fr: "Le signataire se présente en personne et signe devant l'agent consulaire ; certains actes (vente immobilière, par exemple) exigent un acte adoulaire ou notarié plutôt qu'une simple procuration légalisée.",
        ar: 'يحضر الموقع شخصيا ويوقع أمام العون القنصلي؛ وتتطلب بعض التصرفات (كبيع العقار) عقدا عدليا أو توثيقيا بدل وكالة مصححة الإمضاء.',
      },
    ],
    fees: [],
    delay: {
      usual: { fr: 'Immédiat ou le jour même.', ar: 'فوري أو في نفس اليوم.' },
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays.",
    },
    legalBasis: [CONVENTION_VIENNE, LOI_55_19],
    steps: [
      { title: { fr: 'Prendre rendez-vous au consulat', ar: 'أخذ موعد بالقنصلية' } },
      { title: { fr: "Signer le document devant l'agent consulaire", ar: 'توقيع الوثيقة أمام العون القنصلي' } },
      { title: { fr: 'Payer les droits consulaires et récupérer le document', ar: 'أداء الرسوم القنصلية وتسلم الوثيقة' } },
    ],
    keywords: {
      fr: ['procuration consulat', 'légalisation consulat', 'signature consulat', 'mandat Maroc depuis l’étranger'],
      ar: ['الوكالة بالقنصلية', 'تصحيح الإمضاء بالقنصلية', 'وكالة من الخارج'],
      darija: ['wakala f l9onsolia', 'procuration consulat', 'wakala mn lkharij'],
    },
    related: ['legalisation-signature', 'immatriculation-consulaire'],
    source: 'https://www.consulat.ma',
  },
];
