import PopCalendar

/// Where a row came from, for the data-quality list and the drill-down.
public struct RowRef: Hashable, Sendable {
    public let line: Int
    public init(line: Int) { self.line = line }
}

/// One entry of the data-quality list: a value pop could not use, or a warning about a list.
public struct DataQualityIssue: Hashable, Sendable {
    public let file: String
    public let line: Int
    public let column: String
    public let value: String
    public let problem: String

    public init(file: String, line: Int, column: String, value: String, problem: String) {
        self.file = file
        self.line = line
        self.column = column
        self.value = value
        self.problem = problem
    }
}

/// List 1: one row per contact.
public struct Contact: Sendable {
    public var child: String
    public var date: DateField
    public var source: SourceGroup
    public var decision: DateField
    public var line: Int
}

/// List 3: one row per referral.
public struct Referral: Sendable {
    public var child: String
    public var date: DateField
    public var source: SourceGroup
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
    public var legalStatus: LegalGroup
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
    public var pathwayPlanReview: DateField
    public var suitability: Suitability
    public var activity: ActivityGroup
    public var team: String
    public var worker: String
    public var line: Int
}

/// yot.csv: one row per youth-justice order.
public struct YouthOffendingCase: Sendable {
    public var child: String
    public var orderStart: DateField
    public var orderEnd: DateField
    public var orderType: OrderType
    public var firstTimeEntrant: DateField
    public var custodialSentence: DateField
    public var intensity: Intensity
    public var gangMember: YesNo
    public var eteAtOrderEnd: YesNo
    public var team: String
    public var worker: String
    public var line: Int
}

/// Everything read from one extract folder. A list is nil when its file was not supplied.
public struct Extract: Sendable {
    public var contacts: [Contact]?
    public var referrals: [Referral]?
    public var assessments: [Assessment]?
    public var section47s: [Section47Enquiry]?
    public var childrenInNeed: [ChildInNeedEpisode]?
    public var protectionPlans: [ChildProtectionPlan]?
    public var childrenInCare: [ChildInCare]?
    public var careLeavers: [CareLeaver]?
    public var youthOffending: [YouthOffendingCase]?
    /// List 1 carries the optional `Date of Contact Decision` column.
    public var hasContactDecisions = false
    public var dataQuality: [DataQualityIssue] = []

    public init() {}

    public func supplies(_ list: ListKind) -> Bool {
        switch list {
        case .list1: contacts != nil
        case .list3: referrals != nil
        case .list4: assessments != nil
        case .list5: section47s != nil
        case .list6: childrenInNeed != nil
        case .list7: protectionPlans != nil
        case .list8: childrenInCare != nil
        case .list9: careLeavers != nil
        case .yot: youthOffending != nil
        }
    }
}
