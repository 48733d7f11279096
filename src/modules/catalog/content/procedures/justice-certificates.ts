import type { Competence, LegalText, ProcedureSource, RequiredDocument } from '../types';
import { CODE_FAMILLE, LOI_04_20, LOI_55_19, LO_113_14 } from '../legal-texts';

/** Justice and certificates: criminal record, good-conduct record, nationality, signature legalisation, certified copies, residence, life and celibacy certificates. */

const CPP: LegalText = {
  id: 'cpp-22-01',
  title: {
    fr: 'Loi n° 22-01 relative à la procédure pénale (livre relatif au casier judiciaire)',
    ar: 'القانون رقم 22.01 المتعلق بالمسطرة الجنائية (الكتاب المتعلق بالسجل العدلي)',
    en: 'Law No. 22-01, Code of Criminal Procedure (criminal record)',
  },
  reference: 'Dahir n° 1-02-255 du 25 rejeb 1423 (3 octobre 2002)',
  bulletin: 'BO n° 5078 du 30 janvier 2003',
};

const CODE_NATIONALITE: LegalText = {
  id: 'code-nationalite',
  title: {
    fr: 'Code de la nationalité marocaine, modifié par la loi n° 62-06',
    ar: 'قانون الجنسية المغربية، كما تم تغييره بالقانون رقم 62.06',
    en: 'Moroccan Nationality Code, as amended by Law No. 62-06',
  },
  reference: 'Dahir n° 1-58-250 du 21 safar 1378 (6 septembre 1958) ; dahir n° 1-07-80 du 3 rabii I 1428 (23 mars 2007)',
};

const CGI: LegalText = {
  id: 'cgi',
  title: {
    fr: 'Code général des impôts, livre II (droits de timbre)',
    ar: 'المدونة العامة للضرائب، الكتاب الثاني (واجبات التمبر)',
    en: 'General Tax Code, book II (stamp duties)',
  },
};

const LOCAL_AUTHORITY: Competence = {
  orgType: 'prefecture_or_province',
  service: {
    fr: 'Autorité locale du lieu de résidence (pachalik, caïdat ou annexe administrative)',
    ar: 'السلطة المحلية لمحل السكنى (الباشوية أو القيادة أو الملحقة الإدارية)',
    en: 'Local authority of the place of residence',
  },
};

const COMMUNE_LEGALISATION: Competence = {
  orgType: 'commune',
  service: {
    fr: 'Bureau de légalisation des signatures et de certification des copies (commune, arrondissement ou annexe communale)',
    ar: 'مكتب تصحيح الإمضاءات والإشهاد على مطابقة النسخ لأصولها (الجماعة أو المقاطعة أو الملحقة الجماعية)',
    en: 'Signature legalisation and certified copies office of the commune',
  },
};

const CNIE: RequiredDocument = {
  key: 'cnie',
  name: {
    fr: 'CNIE en cours de validité (présentation)',
    ar: 'البطاقة الوطنية سارية الصلاحية (الإدلاء بها)',
    en: 'Valid identity card',
  },
  form: 'original',
  copies: 1,
  issuer: { fr: 'DGSN', ar: 'المديرية العامة للأمن الوطني' },
};

export const justiceCertificates: ProcedureSource[] = [
  {
    slug: 'extrait-casier-judiciaire',
    owner: 'MIN-JUSTICE',
    title: {
      fr: 'Extrait du casier judiciaire (bulletin n° 3)',
      ar: 'بطاقة السجل العدلي (البطاقة رقم 3)',
      en: 'Criminal record extract (bulletin No. 3)',
    },
    summary: {
      fr: "Obtenir l'extrait de son casier judiciaire (bulletin n° 3), demandé pour un emploi, un concours ou un dossier administratif, en ligne ou au tribunal de première instance du lieu de naissance.",
      ar: 'الحصول على بطاقة السجل العدلي (البطاقة رقم 3) المطلوبة للتشغيل أو المباريات أو الملفات الإدارية، عبر الإنترنت أو لدى المحكمة الابتدائية لمكان الولادة.',
      en: 'Obtain one’s criminal record extract (bulletin No. 3), online or at the court of first instance of the place of birth.',
    },
    audiences: ['citizens', 'mre'],
    categories: ['justice', 'certificates'],
    lifeEvents: ['employment'],
    competence: [
      {
        orgType: 'court',
        service: {
          fr: 'Service du casier judiciaire du tribunal de première instance du lieu de naissance',
          ar: 'مصلحة السجل العدلي بالمحكمة الابتدائية لمكان الولادة',
        },
      },
      {
        orgCodes: ['MIN-JUSTICE'],
        service: {
          fr: 'Casier judiciaire national (personnes nées à l’étranger ou dont le lieu de naissance n’est pas connu)',
          ar: 'السجل العدلي الوطني (للمزدادين بالخارج أو مجهولي مكان الولادة)',
        },
      },
    ],
    channels: [
      {
        kind: 'online',
        where: { fr: 'Demande en ligne du casier judiciaire', ar: 'طلب السجل العدلي عبر الإنترنت' },
        url: 'https://casier-judiciaire.justice.gov.ma',
      },
      {
        kind: 'counter',
        where: {
          fr: 'Greffe du tribunal de première instance du lieu de naissance',
          ar: 'كتابة الضبط بالمحكمة الابتدائية لمكان الولادة',
        },
      },
    ],
    documents: [
      {
        key: 'request',
        name: { fr: 'Formulaire de demande (en ligne ou au guichet)', ar: 'مطبوع الطلب (عبر الإنترنت أو بالشباك)' },
        form: 'original',
        copies: 1,
        legal: { ref: 'cpp-22-01' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      },
      {
        key: 'cnie-copy',
        name: { fr: 'Copie de la CNIE', ar: 'نسخة من البطاقة الوطنية' },
        form: 'copy',
        copies: 1,
        issuer: { fr: 'DGSN', ar: 'المديرية العامة للأمن الوطني' },
        legal: { ref: 'cpp-22-01' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      },
      {
        key: 'mandate',
        name: { fr: 'Procuration et CNIE du mandataire', ar: 'وكالة والبطاقة الوطنية للوكيل' },
        form: 'original',
        copies: 1,
        optional: true,
        condition: { fr: 'Si la demande est déposée par un tiers', ar: 'إذا قدم الطلب من طرف الغير' },
        legal: { ref: 'cpp-22-01' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      {
        fr: "Le bulletin n° 3 n'est délivré qu'à la personne qu'il concerne (ou à son mandataire) ; il ne mentionne que certaines condamnations.",
        ar: 'لا تسلم البطاقة رقم 3 إلا للشخص المعني بها (أو لوكيله)، ولا تتضمن إلا بعض العقوبات.',
      },
    ],
    fees: [
      {
        key: 'timbre',
        label: { fr: 'Droit de timbre', ar: 'واجب التمبر' },
        amountMad: 10,
        editorNote:
          'Montant du timbre de l’extrait du casier judiciaire non vérifié hors ligne. Droit de timbre : article du CGI (tarif) à vérifier sur le texte officiel.',
        payment: { fr: 'Au guichet ou en ligne selon le canal', ar: 'بالشباك أو عبر الإنترنت حسب القناة' },
        legal: { ref: 'cgi' },
      },
    ],
    delay: {
      usual: {
        fr: 'En général le jour même au guichet ; quelques jours pour une demande en ligne.',
        ar: 'عادة في نفس اليوم بالشباك؛ وبضعة أيام بالنسبة للطلب عبر الإنترنت.',
      },
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays.",
    },
    legalBasis: [CPP, LOI_55_19, CGI],
    steps: [
      {
        title: { fr: 'Remplir la demande en ligne ou au guichet', ar: 'ملء الطلب عبر الإنترنت أو بالشباك' },
        detail: { fr: 'Sur casier-judiciaire.justice.gov.ma.', ar: 'عبر casier-judiciaire.justice.gov.ma.' },
      },
      { title: { fr: 'Payer le droit de timbre', ar: 'أداء واجب التمبر' } },
      { title: { fr: 'Recevoir ou retirer le bulletin', ar: 'التوصل بالبطاقة أو سحبها' } },
    ],
    keywords: {
      fr: ['casier judiciaire', 'extrait casier', 'bulletin n°3', 'B3', 'antécédents judiciaires', 'casier en ligne'],
      ar: ['السجل العدلي', 'بطاقة السجل العدلي', 'السوابق العدلية', 'البطاقة رقم 3', 'سجل عدلي'],
      darija: ['lcasier', 'casier', 'sijil l3adli', 'sijil 3adli', 'souabi9'],
    },
    related: ['fiche-anthropometrique', 'certificat-nationalite'],
    source: 'https://casier-judiciaire.justice.gov.ma',
  },
  {
    slug: 'fiche-anthropometrique',
    owner: 'DGSN',
    title: {
      fr: 'Fiche anthropométrique (certificat de bonne conduite)',
      ar: 'البطاقة الأنتروبومترية (شهادة حسن السيرة)',
      en: 'Anthropometric record (good-conduct certificate)',
    },
    summary: {
      fr: 'Obtenir la fiche anthropométrique délivrée par la Sûreté nationale, souvent appelée « certificat de bonne conduite », exigée pour certains emplois, concours ou visas.',
      ar: 'الحصول على البطاقة الأنتروبومترية التي يسلمها الأمن الوطني، والمعروفة بشهادة حسن السيرة، والمطلوبة في بعض الوظائف والمباريات والتأشيرات.',
      en: 'Obtain the anthropometric record issued by the National Security, often called the good-conduct certificate.',
    },
    audiences: ['citizens', 'mre'],
    categories: ['justice', 'certificates'],
    lifeEvents: ['employment', 'travel_abroad'],
    competence: [
      {
        orgCodes: ['DGSN'],
        service: {
          fr: "Service de l'identité judiciaire du commissariat (ou district) du lieu de résidence",
          ar: 'مصلحة التشخيص القضائي بالمفوضية (أو الدائرة) التابعة لمحل السكنى',
        },
      },
    ],
    channels: [
      {
        kind: 'counter',
        where: { fr: 'Commissariat de police du lieu de résidence', ar: 'مفوضية الشرطة لمحل السكنى' },
      },
    ],
    documents: [
      {
        ...CNIE,
        legal: { ref: 'cpp-22-01' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      },
      {
        key: 'cnie-copy',
        name: { fr: 'Copie de la CNIE', ar: 'نسخة من البطاقة الوطنية' },
        form: 'copy',
        copies: 1,
        legal: { ref: 'cpp-22-01' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      },
      {
        key: 'photos',
        name: { fr: "Photographies d'identité récentes", ar: 'صور شمسية حديثة' },
        form: 'original',
        copies: 2,
        legal: { ref: 'cpp-22-01' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      },
      {
        key: 'residence',
        name: { fr: 'Certificat de résidence', ar: 'شهادة السكنى' },
        form: 'original',
        copies: 1,
        optional: true,
        condition: { fr: "Si l'adresse de la CNIE n'est plus à jour", ar: 'إذا لم يعد العنوان المضمن بالبطاقة الوطنية محينا' },
        legal: { ref: 'cpp-22-01' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      {
        fr: 'Se présenter en personne : les empreintes digitales sont relevées et comparées aux fichiers de la police.',
        ar: 'الحضور الشخصي: تؤخذ البصمات وتقارن بمعطيات مصالح الشرطة.',
      },
      {
        fr: "Ne pas confondre avec l'extrait du casier judiciaire (bulletin n° 3), délivré par le tribunal.",
        ar: 'لا ينبغي الخلط بينها وبين بطاقة السجل العدلي (البطاقة رقم 3) التي تسلمها المحكمة.',
      },
    ],
    fees: [],
    delay: {
      usual: { fr: 'En général quelques jours à deux semaines.', ar: 'عادة من بضعة أيام إلى أسبوعين.' },
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays.",
    },
    legalBasis: [CPP, LOI_55_19],
    steps: [
      { title: { fr: 'Se présenter au commissariat avec les pièces', ar: 'الحضور إلى المفوضية مع الوثائق' } },
      { title: { fr: 'Relevé des empreintes digitales', ar: 'أخذ البصمات' } },
      { title: { fr: 'Retirer la fiche à la date indiquée', ar: 'سحب البطاقة في التاريخ المحدد' } },
    ],
    keywords: {
      fr: [
        'fiche anthropométrique',
        'fiche anthropometrique',
        'bonne conduite',
        'certificat de bonne conduite',
        'bonne vie et mœurs',
        'antécédents police',
      ],
      ar: ['البطاقة الأنتروبومترية', 'شهادة حسن السيرة', 'حسن السيرة والسلوك', 'البطاقة الانتروبومترية', 'شهادة السوابق'],
      darija: ['fiche antro', 'antropometrique', 'chahadat 7osn siira', 'hosn sira', 'l fiche dyal lbolis'],
    },
    related: ['extrait-casier-judiciaire', 'certificat-residence'],
    source: 'https://www.dgsn.gov.ma',
  },
  {
    slug: 'certificat-nationalite',
    owner: 'MIN-JUSTICE',
    title: {
      fr: 'Certificat de nationalité marocaine',
      ar: 'شهادة الجنسية المغربية',
      en: 'Certificate of Moroccan nationality',
    },
    summary: {
      fr: "Obtenir le certificat qui atteste de la nationalité marocaine, délivré par le tribunal de première instance, demandé notamment pour certains concours, la CNIE des personnes nées à l'étranger ou l'acquisition de biens.",
      ar: 'الحصول على الشهادة المثبتة للجنسية المغربية التي تسلمها المحكمة الابتدائية، والمطلوبة خاصة في بعض المباريات وفي البطاقة الوطنية للمزدادين بالخارج.',
      en: 'Obtain the certificate proving Moroccan nationality, issued by the court of first instance.',
    },
    audiences: ['citizens', 'mre'],
    categories: ['identity', 'justice', 'certificates'],
    lifeEvents: [],
    competence: [
      {
        orgType: 'court',
        service: {
          fr: 'Tribunal de première instance du lieu de résidence (service de la nationalité)',
          ar: 'المحكمة الابتدائية لمحل السكنى (مصلحة الجنسية)',
        },
      },
    ],
    channels: [
      {
        kind: 'counter',
        where: { fr: 'Tribunal de première instance du lieu de résidence', ar: 'المحكمة الابتدائية لمحل السكنى' },
      },
      {
        kind: 'counter',
        where: {
          fr: 'Consulat, pour les Marocains résidant à l’étranger (transmission au ministère de la Justice)',
          ar: 'القنصلية بالنسبة للمغاربة المقيمين بالخارج (الإحالة على وزارة العدل)',
        },
      },
    ],
    documents: [
      {
        key: 'request',
        name: { fr: 'Demande écrite', ar: 'طلب كتابي' },
        form: 'original',
        copies: 1,
        legal: { ref: 'code-nationalite' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      },
      {
        key: 'full-copy',
        name: { fr: "Copie intégrale de l'acte de naissance du demandeur", ar: 'نسخة كاملة من رسم ولادة الطالب' },
        form: 'original',
        copies: 1,
        issuer: { fr: "Bureau d'état civil", ar: 'مكتب الحالة المدنية' },
        legal: { ref: 'code-nationalite' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      },
      {
        key: 'parent-proof',
        name: {
          fr: 'Pièces établissant la nationalité marocaine du père ou de la mère (CNIE, acte de naissance)',
          ar: 'الوثائق المثبتة للجنسية المغربية للأب أو الأم (البطاقة الوطنية، رسم الولادة)',
        },
        form: 'copy',
        copies: 1,
        legal: { ref: 'code-nationalite' },
        editorNote: 'Article à vérifier sur le texte officiel.',
      },
      {
        key: 'cnie-copy',
        name: { fr: 'Copie de la CNIE du demandeur, s’il en a une', ar: 'نسخة من البطاقة الوطنية للطالب إن وجدت' },
        form: 'copy',
        copies: 1,
        optional: true,
        condition: { fr: 'Si le demandeur est titulaire d’une CNIE', ar: 'إذا كان الطالب يتوفر على البطاقة الوطنية' },
        legal: { ref: 'code-nationalite' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      },
      {
        key: 'residence',
        name: { fr: 'Certificat de résidence', ar: 'شهادة السكنى' },
        form: 'original',
        copies: 1,
        legal: { ref: 'code-nationalite' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      {
        fr: 'Est marocain l’enfant né d’un père marocain ou d’une mère marocaine (filiation), ou la personne ayant acquis la nationalité selon le Code de la nationalité.',
        ar: 'يعتبر مغربيا الولد المولود من أب مغربي أو أم مغربية، أو من اكتسب الجنسية المغربية وفق قانون الجنسية.',
      },
    ],
    fees: [],
    delay: {
      usual: { fr: 'En général quelques jours.', ar: 'عادة بضعة أيام.' },
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays.",
    },
    legalBasis: [CODE_NATIONALITE, LOI_55_19],
    steps: [
      { title: { fr: 'Réunir les actes prouvant la filiation', ar: 'تهيئة الرسوم المثبتة للنسب' } },
      { title: { fr: 'Déposer la demande au tribunal de première instance', ar: 'إيداع الطلب لدى المحكمة الابتدائية' } },
      { title: { fr: 'Retirer le certificat', ar: 'سحب الشهادة' } },
    ],
    keywords: {
      fr: ['certificat nationalité', 'nationalité marocaine', 'preuve de nationalité', 'attestation de nationalité'],
      ar: ['شهادة الجنسية', 'الجنسية المغربية', 'إثبات الجنسية', 'شهادة الجنسيه'],
      darija: ['chahadat jinsiya', 'jinsiya', 'lgensia', 'nationalite'],
    },
    related: ['carte-nationale-identite-premiere-demande', 'extrait-casier-judiciaire', 'copie-integrale-acte-naissance'],
    source: 'https://www.idarati.ma',
  },
  {
    slug: 'legalisation-signature',
    owner: 'MIN-INTERIEUR',
    title: {
      fr: 'Légalisation de signature',
      ar: 'تصحيح الإمضاء',
      en: 'Signature legalisation',
    },
    summary: {
      fr: "Faire légaliser sa signature sur un document (contrat, procuration, engagement…) : l'agent de la commune atteste que la signature a été apposée devant lui par la personne identifiée.",
      ar: 'المصادقة على الإمضاء في وثيقة (عقد، وكالة، التزام…): يشهد الموظف الجماعي بأن الإمضاء وضع أمامه من طرف الشخص الذي تم التحقق من هويته.',
      en: 'Have one’s signature legalised on a document: the commune officer certifies it was signed before him.',
    },
    audiences: ['citizens', 'companies'],
    categories: ['certificates'],
    lifeEvents: ['housing_building', 'run_business'],
    competence: [COMMUNE_LEGALISATION],
    channels: [
      {
        kind: 'counter',
        where: {
          fr: 'Bureau de légalisation de la commune ou de l’arrondissement (n’importe lequel)',
          ar: 'مكتب تصحيح الإمضاءات بالجماعة أو المقاطعة (أي مكتب)',
        },
      },
      {
        kind: 'counter',
        where: { fr: 'Consulat, pour les Marocains résidant à l’étranger', ar: 'القنصلية بالنسبة للمغاربة المقيمين بالخارج' },
      },
    ],
    documents: [
      {
        ...CNIE,
        legal: { ref: 'lo-113-14' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      },
      {
        key: 'document',
        name: { fr: 'Le document à signer (non signé à l’avance)', ar: 'الوثيقة المراد توقيعها (غير موقعة مسبقا)' },
        form: 'original',
        copies: 1,
        legal: { ref: 'lo-113-14' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      {
        fr: "Le signataire se présente en personne et signe devant l'agent, sur le registre et sur le document.",
        ar: 'يحضر الموقع شخصيا ويوقع أمام الموظف بالسجل وبالوثيقة.',
      },
      {
        fr: "La légalisation atteste l'identité du signataire, pas le contenu du document. Selon la loi n° 55-19, l'administration ne doit pas exiger de signature légalisée sauf si un texte le prévoit.",
        ar: 'يثبت تصحيح الإمضاء هوية الموقع لا مضمون الوثيقة. وطبقا للقانون رقم 55.19، لا يجوز للإدارة أن تطلب تصحيح الإمضاء إلا إذا نص على ذلك نص.',
      },
    ],
    fees: [
      {
        key: 'droit',
        label: {
          fr: 'Droit de légalisation, par signature (montant usuel)',
          ar: 'رسم تصحيح الإمضاء عن كل توقيع (المبلغ المعمول به)',
        },
        amountMad: 2,
        editorNote:
          'Montant « usuel » cité par la source, non vérifié hors ligne contre l’arrêté fiscal de la commune. Montant fixé par l’arrêté fiscal de la commune : texte qui institue ce droit (fiscalité locale) et article à vérifier sur le texte officiel.',
        payment: { fr: 'À la caisse du bureau', ar: 'بصندوق المكتب' },
        legal: { ref: 'lo-113-14' },
      },
    ],
    delay: {
      usual: { fr: 'Immédiat.', ar: 'فوري.' },
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays.",
    },
    legalBasis: [LO_113_14, LOI_55_19],
    steps: [
      { title: { fr: 'Se présenter au bureau avec la CNIE et le document', ar: 'الحضور إلى المكتب بالبطاقة الوطنية والوثيقة' } },
      { title: { fr: "Signer devant l'agent", ar: 'التوقيع أمام الموظف' } },
      { title: { fr: 'Payer le droit et récupérer le document légalisé', ar: 'أداء الرسم وتسلم الوثيقة المصادق عليها' } },
    ],
    keywords: {
      fr: ['légalisation', 'legalisation signature', 'signature légalisée', 'moukataa', 'légaliser un contrat', 'procuration'],
      ar: ['تصحيح الإمضاء', 'المصادقة على التوقيع', 'تصحيح الامضاء', 'تصديق الإمضاء', 'مصادقة'],
      darija: ['tas7i7 imda2', 'sa7i7 l imda', 'legaliza', 'moussada9a', 'mo9ata3a', 'nsa7a7 lwra9'],
    },
    related: ['copie-conforme', 'mutation-vehicule'],
    source: 'https://www.idarati.ma',
  },
  {
    slug: 'copie-conforme',
    owner: 'MIN-INTERIEUR',
    title: {
      fr: "Certification de copies conformes à l'original",
      ar: 'الإشهاد على مطابقة نسخ الوثائق لأصولها',
      en: 'Certified true copies',
    },
    summary: {
      fr: "Faire certifier qu'une photocopie est conforme à l'original, au bureau de légalisation de la commune, lorsqu'un texte l'exige.",
      ar: 'الإشهاد بأن نسخة وثيقة مطابقة لأصلها لدى مكتب تصحيح الإمضاءات بالجماعة، عندما يتطلب ذلك نص قانوني.',
      en: 'Have a photocopy certified as a true copy of the original at the commune.',
    },
    audiences: ['citizens', 'companies'],
    categories: ['certificates'],
    lifeEvents: ['studies', 'employment'],
    competence: [COMMUNE_LEGALISATION],
    channels: [
      {
        kind: 'counter',
        where: {
          fr: 'Bureau de légalisation de la commune ou de l’arrondissement',
          ar: 'مكتب تصحيح الإمضاءات بالجماعة أو المقاطعة',
        },
      },
    ],
    documents: [
      {
        key: 'original',
        name: { fr: 'Le document original', ar: 'أصل الوثيقة' },
        form: 'original',
        copies: 1,
        legal: { ref: 'lo-113-14' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      },
      {
        key: 'copies',
        name: { fr: 'Les photocopies à certifier', ar: 'النسخ المراد الإشهاد على مطابقتها' },
        form: 'copy',
        copies: 1,
        legal: { ref: 'lo-113-14' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      },
      {
        ...CNIE,
        legal: { ref: 'lo-113-14' },
        editorNote:
          'Pièce demandée en pratique (source consultée) ; texte et article qui l’exigent à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      {
        fr: "L'agent compare la copie à l'original présenté. Selon la loi n° 55-19, l'administration accepte les simples copies, sauf texte contraire : demandez si la certification est vraiment exigée.",
        ar: 'يقارن الموظف النسخة بالأصل المدلى به. وطبقا للقانون رقم 55.19، تقبل الإدارة النسخ العادية ما لم ينص نص على خلاف ذلك: تأكد من أن الإشهاد مطلوب فعلا.',
      },
      {
        fr: 'Certains documents ne peuvent pas être certifiés par la commune (actes étrangers non traduits, documents déjà certifiés…).',
        ar: 'لا يمكن للجماعة الإشهاد على مطابقة بعض الوثائق (وثائق أجنبية غير مترجمة، وثائق سبق الإشهاد عليها…).',
      },
    ],
    fees: [
      {
        key: 'droit',
        label: { fr: 'Droit de certification, par copie (montant usuel)', ar: 'رسم الإشهاد عن كل نسخة (المبلغ المعمول به)' },
        amountMad: 2,
        editorNote:
          'Montant « usuel » cité par la source, non vérifié hors ligne contre l’arrêté fiscal de la commune. Montant fixé par l’arrêté fiscal de la commune : texte qui institue ce droit (fiscalité locale) et article à vérifier sur le texte officiel.',
        payment: { fr: 'À la caisse du bureau', ar: 'بصندوق المكتب' },
        legal: { ref: 'lo-113-14' },
      },
    ],
    delay: {
      usual: { fr: 'Immédiat.', ar: 'فوري.' },
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays.",
    },
    legalBasis: [LO_113_14, LOI_55_19],
    steps: [
      { title: { fr: "Présenter l'original et les copies", ar: 'الإدلاء بالأصل والنسخ' } },
      { title: { fr: 'Payer le droit', ar: 'أداء الرسم' } },
      { title: { fr: 'Récupérer les copies certifiées', ar: 'تسلم النسخ المشهود بمطابقتها' } },
    ],
    keywords: {
      fr: ['copie conforme', 'copie certifiée', 'certifier photocopie', 'conforme à l’original', 'copie légalisée'],
      ar: ['نسخة مطابقة للأصل', 'مطابقة الأصل', 'الإشهاد على المطابقة', 'نسخة مصادق عليها'],
      darija: ['copie conforme', 'nsakha motaba9a', 'motaba9a lil asl', 'sawb copie'],
    },
    related: ['legalisation-signature', 'equivalence-diplome'],
    source: 'https://www.idarati.ma',
  },
  {
    slug: 'certificat-residence',
    owner: 'MIN-INTERIEUR',
    title: { fr: 'Certificat de résidence', ar: 'شهادة السكنى', en: 'Certificate of residence' },
    summary: {
      fr: "Obtenir le certificat qui atteste l'adresse de résidence, délivré par l'autorité locale après vérification sur place.",
      ar: 'الحصول على الشهادة المثبتة لعنوان السكنى، التي تسلمها السلطة المحلية بعد التحقق من السكن.',
      en: 'Obtain the certificate proving one’s address, issued by the local authority after verification.',
    },
    audiences: ['citizens'],
    categories: ['certificates'],
    lifeEvents: ['housing_building'],
    competence: [LOCAL_AUTHORITY],
    channels: [
      {
        kind: 'counter',
        where: {
          fr: 'Annexe administrative, caïdat ou pachalik du lieu de résidence',
          ar: 'الملحقة الإدارية أو القيادة أو الباشوية لمحل السكنى',
        },
      },
    ],
    documents: [
      {
        ...CNIE,
        legal: { ref: 'loi-55-19' },
        editorNote:
          'Aucun texte propre à ce certificat identifié : pièces publiées par l’administration dans son recueil au titre de la loi 55.19 (portail national). Texte et article à vérifier sur le texte officiel.',
      },
      {
        key: 'address-proof',
        name: {
          fr: "Justificatif de l'adresse : contrat de bail, titre de propriété, ou facture d'eau ou d'électricité",
          ar: 'ما يثبت العنوان: عقد الكراء أو سند الملكية أو فاتورة الماء أو الكهرباء',
        },
        form: 'copy',
        copies: 1,
        legal: { ref: 'loi-55-19' },
        editorNote:
          'Aucun texte propre à ce certificat identifié : pièces publiées par l’administration dans son recueil au titre de la loi 55.19 (portail national). Texte et article à vérifier sur le texte officiel.',
      },
      {
        key: 'host',
        name: { fr: "Attestation d'hébergement et CNIE de l'hébergeant", ar: 'شهادة الإيواء والبطاقة الوطنية للمستضيف' },
        form: 'copy',
        copies: 1,
        optional: true,
        condition: { fr: 'Si le demandeur est hébergé', ar: 'إذا كان الطالب مستضافا' },
        legal: { ref: 'loi-55-19' },
        editorNote:
          'Aucun texte propre à ce certificat identifié : pièces publiées par l’administration dans son recueil au titre de la loi 55.19 (portail national). Texte et article à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      {
        fr: "Une enquête de voisinage (agent d'autorité) vérifie que le demandeur réside effectivement à l'adresse.",
        ar: 'يتم بحث من طرف عون السلطة للتحقق من السكن الفعلي للطالب بالعنوان المصرح به.',
      },
      {
        fr: "Lorsque l'adresse de la CNIE est à jour, elle suffit en principe à prouver la résidence (loi n° 04-20 et loi n° 55-19).",
        ar: 'إذا كان العنوان المضمن بالبطاقة الوطنية محينا، فإنها تكفي مبدئيا لإثبات السكنى (القانون 04.20 والقانون 55.19).',
      },
    ],
    fees: [
      {
        key: 'gratuit',
        label: { fr: 'Gratuit', ar: 'مجاني' },
        amountMad: 0,
        legal: { ref: 'loi-55-19' },
        editorNote:
          'Gratuité constatée à la source consultée ; texte et article qui la fondent à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: { fr: 'En général un à trois jours (enquête).', ar: 'عادة من يوم إلى ثلاثة أيام (البحث).' },
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays.",
    },
    legalBasis: [LOI_55_19, LOI_04_20],
    steps: [
      { title: { fr: "Déposer la demande à l'autorité locale", ar: 'إيداع الطلب لدى السلطة المحلية' } },
      { title: { fr: "Enquête de l'agent d'autorité", ar: 'بحث عون السلطة' } },
      { title: { fr: 'Retirer le certificat signé', ar: 'سحب الشهادة الموقعة' } },
    ],
    keywords: {
      fr: ['certificat de résidence', 'attestation de résidence', 'justificatif de domicile', 'certificat résidence', 'adresse'],
      ar: ['شهادة السكنى', 'شهادة الإقامة', 'شهادة السكن', 'إثبات السكنى', 'شهادة العنوان'],
      darija: ['chahadat sokna', 'chahada dyal sokna', 'sokna', 'lmo9adem', 'l9ayed', 'certificat residence'],
    },
    related: ['carte-nationale-identite-renouvellement', 'certificat-vie', 'certificat-celibat'],
    source: 'https://www.idarati.ma',
  },
  {
    slug: 'certificat-vie',
    owner: 'MIN-INTERIEUR',
    title: { fr: 'Certificat de vie', ar: 'شهادة الحياة', en: 'Life certificate' },
    summary: {
      fr: "Obtenir le certificat attestant qu'une personne est en vie, demandé notamment chaque année par les caisses de retraite pour continuer à verser la pension.",
      ar: 'الحصول على الشهادة التي تثبت أن الشخص على قيد الحياة، والتي تطلبها صناديق التقاعد خاصة كل سنة لمواصلة صرف المعاش.',
      en: 'Obtain a certificate proving a person is alive, often required yearly by pension funds.',
    },
    audiences: ['citizens', 'mre'],
    categories: ['certificates'],
    lifeEvents: [],
    competence: [
      {
        orgType: 'commune',
        service: {
          fr: "Bureau d'état civil ou de légalisation de la commune",
          ar: 'مكتب الحالة المدنية أو مكتب تصحيح الإمضاءات بالجماعة',
        },
      },
      LOCAL_AUTHORITY,
    ],
    channels: [
      {
        kind: 'counter',
        where: {
          fr: 'Commune ou autorité locale du lieu de résidence, en personne',
          ar: 'الجماعة أو السلطة المحلية لمحل السكنى، حضوريا',
        },
      },
      {
        kind: 'counter',
        where: { fr: 'Consulat, pour les retraités résidant à l’étranger', ar: 'القنصلية بالنسبة للمتقاعدين المقيمين بالخارج' },
      },
    ],
    documents: [
      {
        ...CNIE,
        legal: { ref: 'loi-55-19' },
        editorNote:
          'Aucun texte propre à ce certificat identifié : pièces publiées par l’administration dans son recueil au titre de la loi 55.19 (portail national). Texte et article à vérifier sur le texte officiel.',
      },
      {
        key: 'fund-form',
        name: { fr: 'Formulaire de la caisse de retraite, le cas échéant', ar: 'مطبوع صندوق التقاعد عند الاقتضاء' },
        form: 'original',
        copies: 1,
        optional: true,
        condition: { fr: 'Si la caisse fournit son propre formulaire', ar: 'إذا كان الصندوق يوفر مطبوعه الخاص' },
        issuer: {
          fr: 'Caisse de retraite (CMR, CNSS, RCAR…)',
          ar: 'صندوق التقاعد (الصندوق المغربي للتقاعد، الضمان الاجتماعي، النظام الجماعي…)',
        },
        legal: { ref: 'loi-55-19' },
        editorNote:
          'Aucun texte propre à ce certificat identifié : pièces publiées par l’administration dans son recueil au titre de la loi 55.19 (portail national). Texte et article à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      {
        fr: "La personne concernée se présente en personne. Si elle ne peut se déplacer (maladie, handicap), l'agent peut se rendre à son domicile sur demande d'un proche.",
        ar: 'يحضر المعني بالأمر شخصيا، وإذا تعذر عليه التنقل (مرض، إعاقة) يمكن للموظف الانتقال إلى منزله بطلب من أحد أقاربه.',
      },
    ],
    fees: [
      {
        key: 'gratuit',
        label: { fr: 'Gratuit', ar: 'مجاني' },
        amountMad: 0,
        legal: { ref: 'loi-55-19' },
        editorNote:
          'Gratuité constatée à la source consultée ; texte et article qui la fondent à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: { fr: 'Immédiat.', ar: 'فوري.' },
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays.",
    },
    legalBasis: [LO_113_14, LOI_55_19],
    steps: [
      { title: { fr: 'Se présenter en personne avec la CNIE', ar: 'الحضور شخصيا بالبطاقة الوطنية' } },
      { title: { fr: 'Recevoir le certificat signé et cacheté', ar: 'تسلم الشهادة موقعة ومختومة' } },
      { title: { fr: 'L’envoyer à la caisse de retraite si elle le demande', ar: 'إرسالها إلى صندوق التقاعد إذا طلبها' } },
    ],
    keywords: {
      fr: ['certificat de vie', 'attestation de vie', 'preuve de vie', 'retraite certificat vie', 'pension'],
      ar: ['شهادة الحياة', 'شهادة على قيد الحياة', 'إثبات الحياة', 'المعاش', 'التقاعد'],
      darija: ['chahadat l7ayat', 'chahada dyal l7ayat', 'certificat de vie retraite', 'lmo3ach'],
    },
    related: ['certificat-residence', 'legalisation-signature'],
    source: 'https://www.idarati.ma',
  },
  {
    slug: 'certificat-celibat',
    owner: 'MIN-INTERIEUR',
    title: { fr: 'Certificat de célibat', ar: 'شهادة العزوبة', en: 'Certificate of celibacy' },
    summary: {
      fr: "Obtenir le certificat attestant qu'une personne n'est pas mariée, demandé notamment pour un mariage à l'étranger ou certains dossiers administratifs.",
      ar: 'الحصول على الشهادة التي تثبت أن الشخص غير متزوج، والتي تطلب خاصة للزواج بالخارج أو في بعض الملفات الإدارية.',
      en: 'Obtain a certificate stating that a person is not married.',
    },
    audiences: ['citizens', 'mre'],
    categories: ['certificates', 'civil_status'],
    lifeEvents: ['marriage'],
    competence: [
      LOCAL_AUTHORITY,
      { orgType: 'consulate', service: { fr: 'Service de l’état civil du consulat', ar: 'مصلحة الحالة المدنية بالقنصلية' } },
    ],
    channels: [
      {
        kind: 'counter',
        where: {
          fr: 'Annexe administrative, caïdat ou pachalik du lieu de résidence',
          ar: 'الملحقة الإدارية أو القيادة أو الباشوية لمحل السكنى',
        },
      },
      { kind: 'counter', where: { fr: 'Consulat du lieu de résidence à l’étranger', ar: 'قنصلية محل الإقامة بالخارج' } },
    ],
    documents: [
      {
        ...CNIE,
        legal: { ref: 'loi-55-19' },
        editorNote:
          'Aucun texte propre à ce certificat identifié : pièces publiées par l’administration dans son recueil au titre de la loi 55.19 (portail national). Texte et article à vérifier sur le texte officiel.',
      },
      {
        key: 'full-copy',
        name: { fr: "Copie intégrale récente de l'acte de naissance", ar: 'نسخة كاملة حديثة من رسم الولادة' },
        description: {
          fr: 'Elle ne doit porter aucune mention marginale de mariage.',
          ar: 'يجب ألا تتضمن أي بيان هامشي بالزواج.',
        },
        form: 'original',
        copies: 1,
        issuer: { fr: "Bureau d'état civil", ar: 'مكتب الحالة المدنية' },
        legal: { ref: 'loi-55-19' },
        editorNote:
          'Aucun texte propre à ce certificat identifié : pièces publiées par l’administration dans son recueil au titre de la loi 55.19 (portail national). Texte et article à vérifier sur le texte officiel.',
      },
      {
        key: 'residence',
        name: { fr: 'Justificatif de résidence', ar: 'ما يثبت السكنى' },
        form: 'copy',
        copies: 1,
        optional: true,
        condition: { fr: "Si l'adresse de la CNIE n'est plus à jour", ar: 'إذا لم يعد عنوان البطاقة الوطنية محينا' },
        legal: { ref: 'loi-55-19' },
        editorNote:
          'Aucun texte propre à ce certificat identifié : pièces publiées par l’administration dans son recueil au titre de la loi 55.19 (portail national). Texte et article à vérifier sur le texte officiel.',
      },
    ],
    conditions: [
      {
        fr: "L'autorité procède à une vérification (enquête administrative) sur la situation matrimoniale déclarée.",
        ar: 'تقوم السلطة بالتحقق (بحث إداري) من الحالة العائلية المصرح بها.',
      },
    ],
    fees: [
      {
        key: 'gratuit',
        label: { fr: 'Gratuit', ar: 'مجاني' },
        amountMad: 0,
        legal: { ref: 'loi-55-19' },
        editorNote:
          'Gratuité constatée à la source consultée ; texte et article qui la fondent à vérifier sur le texte officiel.',
      },
    ],
    delay: {
      usual: { fr: 'En général quelques jours.', ar: 'عادة بضعة أيام.' },
      legal: { ref: 'loi-55-19' },
      editorNote:
        "Aucun délai spécial identifié : plafond général de la loi 55.19 (60 jours ; 30 jours pour l'investissement), dans lequel l'administration publie son délai sur le portail national. Article à vérifier sur le texte officiel avant de renseigner legalDays.",
    },
    legalBasis: [LOI_55_19, CODE_FAMILLE],
    steps: [
      { title: { fr: 'Obtenir une copie intégrale de son acte de naissance', ar: 'الحصول على نسخة كاملة من رسم الولادة' } },
      { title: { fr: "Déposer la demande à l'autorité locale", ar: 'إيداع الطلب لدى السلطة المحلية' } },
      { title: { fr: 'Retirer le certificat après vérification', ar: 'سحب الشهادة بعد التحقق' } },
    ],
    keywords: {
      fr: ['certificat de célibat', 'attestation de célibat', 'célibataire', 'non marié', 'certificat celibat'],
      ar: ['شهادة العزوبة', 'شهادة عدم الزواج', 'أعزب', 'عازب', 'شهادة العزوبيه'],
      darija: ['chahadat l3zouba', '3azeb', 'mamzwjch', 'chahada dyal l3zoubiya'],
    },
    related: ['dossier-mariage', 'copie-integrale-acte-naissance', 'transcription-mariage-etranger'],
    source: 'https://www.idarati.ma',
  },
];
