-- What a counterpart is (Person, Organization, Company, LegalEntity...), for screening it again.
ALTER TABLE contacts ADD COLUMN schema TEXT NOT NULL DEFAULT 'Person';
