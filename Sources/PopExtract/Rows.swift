import PopCalendar

/// List 1: one row per contact.
public struct Contact: Sendable {
    public var child: String
    public var date: DateField
    /// nil when the cell could not be read (a short row).
    public var source: SourceGroup?
    public var decision: DateField
    public var line: Int
}

/// List 3: one row per referral.
public struct Referral: Sendable {
    public var child: String
    public var date: DateField
    /// nil when the cell could not be read (a short row).
    public var source: SourceGroup?
    public var nfa: YesNo
    public var team: String
    public var worker: String
    public var line: Int
}

/// List 4: one row per continuous assessment.
public struct Assessment: Sendable {
    public var child: String
    public var start: DateField
    public var authorised: DateField
    public var childSeen: YesNo
    public var team: String
    public var worker: String
    public var line: Int
}

/// List 5: one row per section 47 enquiry.
public struct Section47Enquiry: Sendable {
    public var child: String
    public var strategyStart: DateField
    public var icpc: DateField
    public var team: String
    public var worker: String
    public var line: Int
}

/// List 6: one row per child in need episode.
public struct ChildInNeedEpisode: Sendable {
    public var child: String
    public var start: DateField
    public var lastSeen: DateField
    public var closure: DateField
    /// nil for a status that could not be read.
    public var status: CaseStatus?
    public var team: String
    public var worker: String
    public var line: Int
}

/// List 7: one row per child protection plan.
public struct ChildProtectionPlan: Sendable {
    public var child: String
    public var dateOfBirth: DateField
    public var start: DateField
    public var category: CodedField<AbuseCategory>
    public var lastVisit: DateField
    public var seenAlone: YesNo
    public var latestReview: DateField
    public var end: DateField
    public var previousPlans: CountField
    public var team: String
    public var worker: String
    public var line: Int
}

/// List 8: one row per period of care.
public struct ChildInCare: Sendable {
    public var child: String
    public var dateOfBirth: DateField
    public var uasc: YesNo
    public var started: DateField
    /// nil when the cell could not be read (a short row).
    public var legalStatus: LegalGroup?
    public var latestReview: DateField
    public var lastVisit: DateField
    public var lastHealthAssessment: DateField
    public var lastDentalCheck: DateField
    public var placementsLast12Months: CountField
    public var ceased: DateField
    public var placementStart: DateField
    public var location: PlacementLocation
    public var missingEpisodes: CountField
    public var team: String
    public var worker: String
    public var line: Int
}

/// List 9: one row per current care leaver.
public struct CareLeaver: Sendable {
    public var child: String
    public var dateOfBirth: DateField
    public var latestContact: DateField
    /// LA in Touch (templates before 2023): `cl.in_touch`'s fallback when there is no Latest
    /// Date of Contact.
    public var laInTouch: YesNo
    public var pathwayPlanReview: DateField
    /// nil when the cell could not be read (a short row).
    public var suitability: Suitability?
    public var activity: ActivityGroup?
    public var team: String
    public var worker: String
    public var line: Int
}

/// yot.csv: one row per youth-justice order.
public struct YouthOffendingCase: Sendable {
    public var child: String
    public var orderStart: DateField
    public var orderEnd: DateField
    /// nil when the cell could not be read (a short row).
    public var orderType: OrderType?
    public var firstTimeEntrant: DateField
    public var custodialSentence: DateField
    public var intensity: Intensity
    public var gangMember: YesNo
    public var eteAtOrderEnd: YesNo
    public var team: String
    public var worker: String
    public var line: Int
}
