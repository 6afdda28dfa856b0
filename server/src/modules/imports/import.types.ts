import { ArrayMaxSize, ArrayMinSize, IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MinTrimmedLength } from '../../shared/text.js';
import { PageInfo } from '../items/item.types.js';
import { Channel, ItemKind } from '../items/item.enums.js';
import { ImportColumn, ImportEncoding, ImportField, ImportFormat, ImportRowError } from './import.entity.js';

/** Rows a preview shows. */
export const PREVIEW_ROWS = 10;
/** Columns a file may have (and a mapping may name). */
export const MAX_COLUMNS = 200;

@InputType()
export class ImportColumnInput {
  @Field({ description: "The column's header, as the file has it" })
  @MinTrimmedLength(1)
  @MaxLength(300)
  column!: string;

  @Field(() => ImportField)
  field!: ImportField;
}

@InputType({ description: 'How a CSV file is read; unset, detected from its first bytes' })
export class ImportReadInput {
  @Field(() => ImportEncoding, { nullable: true })
  @IsOptional()
  encoding?: ImportEncoding;

  @Field({ nullable: true, description: 'One character: ";", ",", "|" or a tab' })
  @IsOptional()
  @Matches(/^[;,|\t]$/, { message: 'delimiter must be ";", ",", "|" or a tab' })
  delimiter?: string;
}

@ObjectType({ description: "A file's first rows, as the import would read them" })
export class ImportPreview {
  @Field(() => ID)
  id!: string;

  @Field()
  fileName!: string;

  @Field(() => Int)
  size!: number;

  @Field(() => ImportFormat)
  format!: ImportFormat;

  @Field(() => ImportEncoding, { nullable: true, description: 'CSV: the encoding used (detected or chosen)' })
  encoding?: ImportEncoding | null;

  @Field(() => String, { nullable: true, description: 'CSV: the delimiter used (detected or chosen)' })
  delimiter?: string | null;

  @Field(() => [String], { description: 'The header row' })
  headers!: string[];

  @Field(() => [[String]], { description: `The first ${PREVIEW_ROWS} data rows, cells as text` })
  rows!: string[][];

  @Field(() => [ImportColumn], { description: 'A mapping suggested from the headers' })
  suggested!: ImportColumn[];
}

@InputType()
export class ImportMappingInput {
  @Field()
  @MinTrimmedLength(1)
  @MaxLength(200)
  name!: string;

  @Field()
  @MinTrimmedLength(1)
  @MaxLength(100)
  source!: string;

  @Field(() => [ImportColumnInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_COLUMNS)
  @ValidateNested({ each: true })
  columns!: ImportColumnInput[];

  @Field(() => ItemKind, { nullable: true })
  @IsOptional()
  kind?: ItemKind;

  @Field(() => Channel, { nullable: true })
  @IsOptional()
  channel?: Channel;
}

@InputType()
export class StartImportInput {
  @Field(() => ID, { description: 'The uploaded file (POST /imports)' })
  fileId!: string;

  @Field({ description: 'The source system: (source, externalId) identifies each item, so importing again creates nothing twice' })
  @MinTrimmedLength(1)
  @MaxLength(100)
  source!: string;

  @Field(() => [ImportColumnInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_COLUMNS)
  @ValidateNested({ each: true })
  columns!: ImportColumnInput[];

  @Field(() => ItemKind, { nullable: true, description: 'For rows without a KIND column or value' })
  @IsOptional()
  kind?: ItemKind;

  @Field(() => Channel, { nullable: true, description: 'For rows without a CHANNEL column or value' })
  @IsOptional()
  channel?: Channel;

  @Field(() => ImportReadInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  read?: ImportReadInput;

  @Field({ defaultValue: false, description: 'Check every row and report the bad ones; write no item' })
  dryRun: boolean = false;
}

@ObjectType()
export class ImportRowErrorConnection {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [ImportRowError])
  nodes!: ImportRowError[];

  @Field(() => PageInfo, { description: 'endCursor: the last line shown; pass it as `after` for the next page' })
  pageInfo!: PageInfo;
}
