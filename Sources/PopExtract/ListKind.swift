/// The lists of an extract. Each knows its names (the file in a folder, the sheet in a
/// workbook, its title) and the columns pop reads from it; its rows are a `ListRow` type.
/// A new list is a case here (with its names and columns) and its row type.
public enum ListKind: String, CaseIterable, Sendable, Comparable {
    case list1, list2, list3, list4, list5, list6, list7, list8, list9, yot, audits, workforce

    /// The file in an extract folder: `list7.csv`.
    public var fileName: String { rawValue + ".csv" }

    public var title: String {
        switch self {
        case .list1: "List 1 Contacts"
        case .list2: "List 2 Early Help assessments"
        case .list3: "List 3 Referrals"
        case .list4: "List 4 Assessments"
        case .list5: "List 5 Section 47 enquiries and ICPCs"
        case .list6: "List 6 Children in Need"
        case .list7: "List 7 Child Protection"
        case .list8: "List 8 Children in Care"
        case .list9: "List 9 Care leavers"
        case .yot: "Youth offending cases"
        case .audits: "Case-file audits"
        case .workforce: "Social-work staff"
        }
    }

    /// Annex A's list number, for sheets named `List 7 …`; nil for pop's own lists.
    public var annexNumber: Int? {
        switch self {
        case .list1: 1
        case .list2: 2
        case .list3: 3
        case .list4: 4
        case .list5: 5
        case .list6: 6
        case .list7: 7
        case .list8: 8
        case .list9: 9
        case .yot, .audits, .workforce: nil
        }
    }

    /// The names a workbook sheet may carry for this list besides `List N`.
    public var sheetNames: [String] {
        switch self {
        case .list1: ["Contacts"]
        case .list2: ["Early Help"]
        case .list3: ["Referrals"]
        case .list4: ["Assessments"]
        case .list5: ["Sec47 and ICPC", "Section 47 and ICPC", "S47 and ICPC"]
        case .list6: ["Children in Need"]
        case .list7: ["Child Protection"]
        case .list8: ["Children in Care"]
        case .list9: ["Care Leavers"]
        case .yot: ["YOT", "Youth Offending"]
        case .audits: ["Audits"]
        case .workforce: ["Workforce"]
        }
    }

    /// The columns whose presence together in a header row identifies the list (a workbook
    /// sheet whose name says nothing): one key column, or for `workforce.csv` `Worker` with `Role`.
    public var keyColumns: [String] {
        switch self {
        case .list1: [Column.contactDate]
        case .list2: [Column.ehStart]
        case .list3: [Column.referralDate]
        case .list4: [Column.assessmentStart]
        case .list5: [Column.strategyStart]
        case .list6: [Column.cinStart]
        case .list7: [Column.cpStart]
        case .list8: [Column.claStarted]
        case .list9: [Column.clActivity]
        case .yot: [Column.yotOrderStart]
        case .audits: [Column.auditDate]
        case .workforce: [Column.staffWorker, Column.staffRole]
        }
    }

    /// The column without which the list cannot be read at all: `Child Unique ID` for every
    /// list about children, `Worker` for the staff list; nil for the audits, which need neither.
    public var identityColumn: String? {
        switch self {
        case .audits: nil
        case .workforce: Column.staffWorker
        default: Column.childID
        }
    }

    /// The columns a list must have for its indicators (beyond its identity column).
    public var requiredColumns: [String] {
        switch self {
        case .list1: [Column.contactDate]
        case .list2: [Column.ehStart, Column.ehCompleted]
        case .list3: [Column.referralDate, Column.referralSource, Column.referralNFA, Column.team]
        case .list4: [Column.assessmentStart, Column.assessmentSeen, Column.assessmentAuthorised, Column.team]
        case .list5: [Column.strategyStart, Column.icpcDate]
        case .list6: [Column.cinStart, Column.cinLastSeen, Column.cinClosure, Column.caseStatus, Column.team]
        case .list7: [Column.dateOfBirth, Column.cpStart, Column.cpCategory, Column.cpLastVisit, Column.cpSeenAlone, Column.cpLatestReview,
                      Column.cpEnd, Column.cpPreviousPlans, Column.team]
        case .list8: [Column.dateOfBirth, Column.claUASC, Column.claStarted, Column.claLegalStatus, Column.claLatestReview, Column.claLastVisit,
                      Column.claHealth, Column.claDental, Column.claPlacements, Column.claCeased, Column.claPlacementStart, Column.claLocation,
                      Column.claMissing, Column.team]
        case .list9: [Column.dateOfBirth, Column.clLatestContact, Column.clPathwayReview, Column.clSuitability, Column.clActivity]
        case .yot: [Column.yotOrderStart, Column.yotOrderEnd, Column.yotOrderType, Column.yotFTE, Column.yotCustody, Column.yotIntensity,
                    Column.yotGang, Column.yotETE, Column.team]
        case .audits: [Column.auditDate, Column.auditServiceArea, Column.auditDomain, Column.auditGrade]
        case .workforce: [Column.staffTeam, Column.staffRole, Column.staffAgency, Column.staffStart, Column.staffEnd, Column.staffSupervision]
        }
    }

    /// Columns read when present.
    public var optionalColumns: [String] {
        switch self {
        case .list1: [Column.contactSource, Column.contactDecision]
        case .list2: [Column.ehOrganisation]
        case .list3: [Column.worker, Column.referralsLast12]
        case .list4: [Column.worker, Column.assessmentNeedsSupport]
        case .list6: [Column.worker, Column.cinPrimaryNeed]
        case .list7: [Column.worker, Column.disability]
        case .list8: [Column.worker, Column.gender, Column.ethnicity, Column.claPlacementType, Column.claReasonCeased]
        case .list5: [Column.team, Column.worker, Column.icpcUnnecessary]
        case .list9: [Column.team, Column.worker, Column.clInTouch, Column.clAccommodation]
        case .yot: [Column.worker, Column.dateOfBirth]
        case .audits: [Column.childID, Column.team, Column.auditor]
        case .workforce: []
        }
    }

    public static func < (a: ListKind, b: ListKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Annex A column names (2024 template) as pop looks them up.
public enum Column {
    /// Whether a column's values name a person (a child's ID, a worker's or an auditor's name):
    /// such a value is never stored with a data-quality note nor printed without `--ids`.
    public static func namesSomeone(_ column: String) -> Bool {
        column == childID || column == worker || column == staffWorker || column == auditor
    }

    public static let childID = "Child Unique ID"
    public static let dateOfBirth = "Date of Birth"
    public static let team = "Allocated Team"
    public static let worker = "Allocated Worker"

    public static let ageOfChild = "Age of Child (Years)"
    public static let gender = "Gender"
    public static let ethnicity = "Ethnicity"
    public static let disability = "Does the Child have a Disability"

    public static let contactDate = "Date of Contact"
    public static let contactSource = "Contact Source"
    public static let contactDecision = "Date of Contact Decision"

    public static let referralDate = "Date of referral"
    public static let referralSource = "Referral Source"
    public static let referralNFA = "Referral NFA?"
    public static let referralsLast12 = "Number of Referrals in Last 12 Months"

    public static let assessmentStart = "Continuous Assessment Start Date"
    public static let assessmentSeen = "Child Seen During Continuous Assessment"
    public static let assessmentAuthorised = "Continuous Assessment Date of Authorisation"
    public static let assessmentNeedsSupport = "Was the child assessed as requiring LA children's social care support?"

    public static let ehStart = "Assessment start date"
    public static let ehCompleted = "Assessment completion date"
    public static let ehOrganisation = "Organisation completing assessment"

    public static let strategyStart = "Strategy discussion initiating Section 47 Enquiry Start Date"
    public static let icpcUnnecessary = "Was an Initial Child Protection Conference deemed unnecessary?"
    public static let icpcDate = "Date of Initial Child Protection Conference"

    public static let cinStart = "CIN Start Date"
    public static let cinLastSeen = "Date Child Was Last Seen"
    public static let cinClosure = "CIN Closure Date"
    public static let caseStatus = "Case Status"
    public static let cinPrimaryNeed = "Primary Need Code"

    public static let cpStart = "Child Protection Plan Start Date"
    public static let cpCategory = "Latest Category of Abuse"
    public static let cpLastVisit = "Date of the Last Statutory Visit"
    public static let cpSeenAlone = "Was the Child Seen Alone?"
    public static let cpLatestReview = "Date of latest review conference"
    public static let cpEnd = "Child Protection Plan End Date"
    public static let cpPreviousPlans = "Number of Previous Child Protection Plans"

    public static let claUASC = "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)"
    public static let claStarted = "Date Started to be Looked After"
    public static let claLegalStatus = "Child's Legal Status"
    public static let claLatestReview = "Date of Latest Statutory Review"
    public static let claLastVisit = "Date of Last Social Work Visit"
    public static let claHealth = "Date of Last Health Assessment"
    public static let claDental = "Date of Last Dental Check"
    public static let claPlacements = "Number of Placements in the Last 12 months"
    public static let claCeased = "Date Ceased to be Looked After"
    public static let claPlacementStart = "Start Date of Most Recent Placement"
    public static let claLocation = "Placement Location"
    public static let claPlacementType = "Placement Type"
    public static let claReasonCeased = "Reason Ceased to be Looked After"
    public static let claMissing = "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months"

    public static let clPathwayReview = "Latest Pathway Plan Review Date"
    public static let clInTouch = "LA in Touch"
    public static let clLatestContact = "Latest Date of Contact"
    public static let clAccommodation = "Type of Accommodation"
    public static let clSuitability = "Suitability of Accommodation"
    public static let clActivity = "Activity Status"

    public static let yotOrderStart = "Order Start Date"
    public static let yotOrderEnd = "Order End Date"
    public static let yotOrderType = "Order Type"
    public static let yotFTE = "First Time Entrant Date"
    public static let yotCustody = "Custodial Sentence Date"
    public static let yotIntensity = "Scaled Approach Intensity"
    public static let yotGang = "Confirmed Gang Member"
    public static let yotETE = "ETE at Order End"

    public static let auditDate = "Audit Date"
    public static let auditServiceArea = "Service Area"
    public static let auditDomain = "Domain"
    public static let auditGrade = "Grade"
    public static let auditor = "Auditor"

    public static let staffWorker = "Worker"
    public static let staffTeam = "Team"
    public static let staffRole = "Role"
    public static let staffAgency = "Agency"
    public static let staffStart = "Start Date"
    public static let staffEnd = "End Date"
    public static let staffSupervision = "Date of Last Supervision"

    /// Other names templates and case-management systems give a column, by its 2024 name. Case,
    /// runs of spaces, curly quotes and surrounding punctuation never need an entry here (`Case
    /// status`, `LA In Touch`, `(Y/N))`, `Referral NFA` match as they are); these differ in words.
    public static let aliases: [String: [String]] = [
        ageOfChild: ["Age", "Age of Child"],
        disability: ["Disability", "Does the Child have a Disability (Y/N)"],
        claUASC: ["Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months", "UASC"],
        claPlacements: ["Number of Placements in Last 12 Months", "Number of Placements in the Last Twelve Months"],
        claMissing: ["Number of Episodes the Child has been Missing from their Placement in the last 12 months",
                     "Number of Missing Episodes in the Last 12 Months"],
        cpSeenAlone: ["Child Seen Alone?", "Was the Child Seen Alone at the Last Visit?"],
        referralDate: ["Referral Date"],
        contactDate: ["Contact Date"],
        cinLastSeen: ["Date Child Last Seen"],
        clInTouch: ["Local Authority in Touch"],
        ehStart: ["Early Help Assessment Start Date"],
        ehCompleted: ["Early Help Assessment Completion Date"],
        ehOrganisation: ["Organisation Completing Early Help Assessment", "Lead Professional Organisation"],
    ]

    /// Each accepted name's key, to its column's 2024 key.
    static let canonicalKeys: [String: String] = {
        var out: [String: String] = [:]
        for (name, others) in aliases {
            for o in others { out[key(o)] = key(name) }
        }
        return out
    }()

    /// The key a header cell's text stands for: its column's 2024 name's key.
    public static func canonicalKey(_ header: String) -> String {
        let k = key(header)
        return canonicalKeys[k] ?? k
    }

    /// Excel's column letters: 0 → A, 25 → Z, 26 → AA.
    public static func letter(_ index: Int) -> String {
        var n = index + 1, out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }

    /// Header text made comparable: case folded, white space runs collapsed, curly quotes made
    /// straight, surrounding punctuation dropped. `" child unique id:"` → `"child unique id"`.
    public static func key(_ header: String) -> String {
        let n = Codes.normalise(header)
        let chars = Array(n)
        var lo = 0, hi = chars.count
        while lo < hi, !(chars[lo].isLetter || chars[lo].isNumber) { lo += 1 }
        while hi > lo, !(chars[hi - 1].isLetter || chars[hi - 1].isNumber) { hi -= 1 }
        return String(chars[lo..<hi])
    }
}
